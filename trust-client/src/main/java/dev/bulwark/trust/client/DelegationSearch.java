package dev.bulwark.trust.client;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.SuccinctRoles;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * TUF 5.6.7: pre-order depth-first search of the delegation graph, in each role's delegation order,
 * skipping roles already visited and visiting at most a fixed number of roles.
 */
final class DelegationSearch {
  private static final System.Logger LOG = System.getLogger(DelegationSearch.class.getName());

  private final TargetsLoader loader;
  private final Dialect dialect;
  private final int maxRoles;

  DelegationSearch(TargetsLoader loader, Dialect dialect, int maxRoles) {
    this.loader = loader;
    this.dialect = dialect;
    this.maxRoles = maxRoles;
  }

  /** A role to visit, the role that delegated it, and the delegation chain from the top. */
  private record Visit(String role, String delegator, List<Predicate<String>> chain) {}

  TargetInfo find(String targetPath) throws TrustException, DownloadException, IOException {
    Deque<Visit> stack = new ArrayDeque<>();
    stack.push(new Visit("targets", "root", List.of()));
    Set<String> visited = new HashSet<>();
    while (!stack.isEmpty() && visited.size() < maxRoles) {
      Visit v = stack.pop();
      if (!visited.add(v.role())) {
        continue; // TUF 5.6.7.1: cycles and diamonds visit a role once
      }
      Targets targets = loader.load(v.role(), v.delegator()).signed();
      TargetFile file = targets.targets().get(targetPath);
      if (file != null) {
        return new TargetInfo(targetPath, file, v.role());
      }
      pushChildren(stack, v, targets, targetPath);
    }
    if (!stack.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "stopped after visiting {0} roles", maxRoles);
      throw new TargetNotFoundException(targetPath, "search stopped after " + maxRoles + " roles");
    }
    throw new TargetNotFoundException(targetPath, "visited " + visited.size() + " role(s)");
  }

  // TUF 5.6.7.2: matching delegations in order; a terminating match abandons everything else.
  private void pushChildren(Deque<Visit> stack, Visit v, Targets targets, String path) {
    Delegations d = targets.delegations().orElse(Delegations.EMPTY);
    List<Visit> children = new ArrayList<>();
    for (DelegatedRole child : d.rolesFor(dialect, path)) {
      children.add(new Visit(child.name(), v.role(), List.of()));
      if (child.terminating()) {
        stack.clear(); // TUF 5.6.7.2.1
        break;
      }
    }
    for (int i = children.size() - 1; i >= 0; i--) {
      stack.push(children.get(i));
    }
  }

  /** Every target reachable from top-level targets, first (highest priority) entry per path. */
  Map<String, TargetInfo> listAll() throws TrustException, DownloadException, IOException {
    Map<String, TargetInfo> out = new LinkedHashMap<>();
    Deque<Visit> stack = new ArrayDeque<>();
    stack.push(new Visit("targets", "root", List.of()));
    Set<String> visited = new HashSet<>();
    while (!stack.isEmpty() && visited.size() < maxRoles) {
      Visit v = stack.pop();
      if (!visited.add(v.role())) {
        continue;
      }
      Metadata<Targets> md = loader.load(v.role(), v.delegator());
      for (Map.Entry<String, TargetFile> e : md.signed().targets().entrySet()) {
        if (delegatedAlong(v.chain(), e.getKey())) {
          out.putIfAbsent(e.getKey(), new TargetInfo(e.getKey(), e.getValue(), v.role()));
        }
      }
      List<Map.Entry<String, Predicate<String>>> roles = delegatedRoles(md.signed());
      for (int i = roles.size() - 1; i >= 0; i--) {
        List<Predicate<String>> chain = new ArrayList<>(v.chain());
        chain.add(roles.get(i).getValue());
        stack.push(new Visit(roles.get(i).getKey(), v.role(), chain));
      }
    }
    return out;
  }

  private static boolean delegatedAlong(List<Predicate<String>> chain, String path) {
    return chain.stream().allMatch(p -> p.test(path));
  }

  // Each delegated role (or succinct bin) with the test of which paths it is trusted for.
  private List<Map.Entry<String, Predicate<String>>> delegatedRoles(Targets t) {
    Delegations d = t.delegations().orElse(Delegations.EMPTY);
    List<Map.Entry<String, Predicate<String>>> out = new ArrayList<>();
    if (d.succinctRoles().isPresent()) {
      SuccinctRoles bins = d.succinctRoles().get();
      // TAP 15 allows 2^32 bins; listing never visits more than maxRoles roles, so naming more
      // bins than that would only let a hostile bit_length exhaust memory.
      long count = Math.min(bins.numberOfBins(), maxRoles);
      for (long i = 0; i < count; i++) {
        String name = bins.binName(i);
        out.add(Map.entry(name, path -> bins.roleNameFor(path).equals(name)));
      }
      return out;
    }
    for (DelegatedRole r : d.roles()) {
      out.add(Map.entry(r.name(), path -> r.isDelegatedPath(dialect, path)));
    }
    return out;
  }
}
