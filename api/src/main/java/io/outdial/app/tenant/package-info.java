/** The tenant REST API ({@code /api/v1/tenants}): the business units that own campaigns and dedicated pools. */
package io.outdial.app.tenant;
