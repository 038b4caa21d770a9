/**
 * The distribution v2 registry client. {@link dev.bulwark.oci.registry.RegistryClient} is the only
 * public entry; each registry endpoint is one small package-private class, and one caller ({@code
 * RegistryCaller}) handles authentication (anonymous or Basic-backed Bearer tokens), redirects
 * (credentials never leave the registry's origin) and error mapping for all of them.
 */
package dev.bulwark.oci.registry;
