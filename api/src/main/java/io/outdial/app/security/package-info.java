/**
 * Who may do what: the {@link io.outdial.app.security.Caller} of a request, its
 * {@link io.outdial.app.security.Role}, and tenant scoping. Every service method a controller calls takes
 * the caller and checks the tenant of what it touches.
 */
package io.outdial.app.security;
