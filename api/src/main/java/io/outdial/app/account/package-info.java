/**
 * Accounts: users (people, who log in with a password) and API keys (systems), their REST API, and the
 * bootstrap of the first platform administrator. Passwords are stored as bcrypt hashes, API keys as the
 * SHA-256 of the key; neither is ever logged or returned (a new key is shown once, in its create response).
 */
package io.outdial.app.account;
