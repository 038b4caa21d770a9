package dev.bulwark.trust.server.http;

import dev.bulwark.trust.server.auth.AuthException;
import dev.bulwark.trust.server.auth.Authorizer;
import dev.bulwark.trust.server.metrics.Metrics;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The single entry point: matches the route table, enforces the body limit, GUN policy and auth,
 * runs the handler and writes its answer or its error. Unmatched requests (including HEAD) get
 * Notary's {@code 404 METADATA_NOT_FOUND} without detail.
 */
public final class Dispatcher {
  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
  private final List<Route> routes;
  private final GunPolicy gunPolicy;
  private final Authorizer authorizer;
  private final Metrics metrics;
  private final long maxBodyBytes;

  public Dispatcher(
      List<Route> routes,
      GunPolicy gunPolicy,
      Authorizer authorizer,
      Metrics metrics,
      long maxBodyBytes) {
    this.routes = List.copyOf(routes);
    this.gunPolicy = gunPolicy;
    this.authorizer = authorizer;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Answers one request; never throws. */
  public Response dispatch(Request request, String remote) {
    long start = System.nanoTime();
    String name = "unmatched";
    Response response;
    Route route = null;
    Matcher m = null;
    for (Route r : routes) {
      if (r.method().equals(request.method())) {
        Matcher candidate = r.path().matcher(request.path());
        if (candidate.matches()) {
          route = r;
          m = candidate;
          break;
        }
      }
    }
    if (route == null) {
      response = Errors.render(ApiException.of(ErrorCode.METADATA_NOT_FOUND));
    } else {
      name = route.name();
      response = run(route, m, request);
    }
    metrics.request(name, response.status(), System.nanoTime() - start);
    log(request, remote, name, response.status(), start);
    return response;
  }

  private Response run(Route route, Matcher m, Request request) {
    try {
      Call call = new Call(request, m, body(request));
      if (call.gun() != null) {
        gunPolicy.check(call.gun());
      }
      authorize(route.access(), call);
      return route.handler().handle(call);
    } catch (ApiException e) {
      return Errors.render(e);
    } catch (AuthException e) {
      return unauthorized(e);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "unexpected failure in route " + route.name(), e);
      return Errors.render(ApiException.of(ErrorCode.UNKNOWN, e.getClass().getSimpleName()));
    }
  }

  private InputStream body(Request request) throws ApiException {
    String len = request.header("Content-Length");
    if (len != null) {
      try {
        if (Long.parseLong(len.trim()) > maxBodyBytes) {
          throw ApiException.of(ErrorCode.TOO_LARGE, "limit is " + maxBodyBytes + " bytes");
        }
      } catch (NumberFormatException e) {
        throw ApiException.of(ErrorCode.MALFORMED_UPLOAD, "bad Content-Length");
      }
    }
    return new LimitedInputStream(request.body(), maxBodyBytes);
  }

  private void authorize(Access access, Call call) throws AuthException {
    List<String> actions =
        switch (access) {
          case NONE -> null;
          case PULL -> List.of("pull");
          case PUSH -> List.of("push", "pull");
          case ADMIN, CATALOG -> List.of("*");
        };
    if (actions != null) {
      String gun = access == Access.CATALOG ? null : call.gun();
      authorizer.authorize(call.header("Authorization"), gun, actions);
    }
  }

  private static Response unauthorized(AuthException e) {
    Object detail =
        List.of(Map.of("Type", e.resourceType(), "Name", e.resourceName(), "Action", e.action()));
    Response r = Errors.render(ApiException.of(ErrorCode.UNAUTHORIZED, detail));
    return e.challenge() == null ? r : r.withHeader("WWW-Authenticate", e.challenge());
  }

  private static void log(Request req, String remote, String route, int status, long start) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(
          Level.DEBUG,
          "request method={0} route={1} status={2} micros={3} remote={4}",
          req.method(),
          route,
          status,
          (System.nanoTime() - start) / 1000,
          remote);
    }
  }
}
