/**
 * Test fixtures shared with the api module through this module's test-jar: one embedded PostgreSQL
 * (Flyway-migrated) and one embedded Redis per JVM, cleaned before each test by
 * {@link io.outdial.activities.testsupport.StorageExtension}; {@link io.outdial.activities.testsupport.TestData}
 * seeds tenants, pools, FS nodes, lines, campaigns and tasks; {@link io.outdial.activities.testsupport.MutableClock}
 * is a clock a test moves by hand.
 *
 * <pre>{@code
 * @ExtendWith(StorageExtension.class)
 * class MyTest {
 *     @Test
 *     void something(DataSource db, JedisPooled redis, TestData data) { ... }
 * }
 * }</pre>
 */
package io.outdial.activities.testsupport;
