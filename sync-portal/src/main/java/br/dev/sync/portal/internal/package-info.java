/**
 * The Portal Postal client's insides: the Feign interface, the wire forms with their Portuguese field names, the
 * MapStruct mappers and the transport. No compatibility promise: anything here may change in any release. Use
 * {@link br.dev.sync.portal.PortalPostal} instead.
 */
package br.dev.sync.portal.internal;
