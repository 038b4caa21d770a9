/**
 * Strict JSON for signed metadata: an immutable tree ({@link dev.bulwark.trust.core.json.JsonValue}
 * and its six kinds), a strict reader (duplicate keys, floats and lone surrogates refused, depth
 * limited, errors with line:col), the OLPC canonical encoder that TUF and Notary both sign over,
 * and {@link dev.bulwark.trust.core.json.JsonFields}, a typed cursor whose errors name the field
 * path. Integers only: JSON numbers with a fraction or exponent are refused everywhere.
 */
package dev.bulwark.trust.core.json;
