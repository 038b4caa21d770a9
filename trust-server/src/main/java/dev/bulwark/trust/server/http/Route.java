package dev.bulwark.trust.server.http;

import java.util.regex.Pattern;

/**
 * One row of the route table.
 *
 * @param name metric and log label
 */
public record Route(String method, Pattern path, String name, Access access, Handler handler) {}
