/** The tenant REST API ({@code /api/tenants}): the business units that own campaigns and dedicated pools. */
package io.outdial.app.tenant;
