/**
 * The Notary v1 HTTP API: the route table ({@link dev.bulwark.trust.server.http.Routes}), the error
 * table ({@link dev.bulwark.trust.server.http.ErrorCode}), multipart parsing and one handler per
 * endpoint family. Handlers talk to the services in {@code update}, {@code keys} and {@code store};
 * nothing below this package knows about HTTP.
 */
package dev.bulwark.trust.server.http;
