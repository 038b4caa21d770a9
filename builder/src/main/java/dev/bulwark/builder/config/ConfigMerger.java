package dev.bulwark.builder.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Appends build files the way {@code linuxkit build a.yml b.yml} does. */
final class ConfigMerger {
  private ConfigMerger() {}

  static BuildConfig empty() {
    return new BuildConfig(
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        TrustSpec.NONE,
        Map.of());
  }

  static BuildConfig append(BuildConfig a, BuildConfig b) {
    return new BuildConfig(
        kernel(a.kernel(), b.kernel()),
        concat(a.init(), b.init()),
        concat(a.onboot(), b.onboot()),
        concat(a.onshutdown(), b.onshutdown()),
        concat(a.services(), b.services()),
        concat(a.files(), b.files()),
        concat(a.volumes(), b.volumes()),
        a.trust().plus(b.trust()),
        document(a.document(), b.document()));
  }

  private static Optional<KernelSpec> kernel(Optional<KernelSpec> a, Optional<KernelSpec> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return b.isPresent() ? b : a;
    }
    // Later files override field by field; a field left at its default keeps the earlier value.
    KernelSpec x = a.get();
    KernelSpec y = b.get();
    return Optional.of(
        new KernelSpec(
            y.image(),
            y.cmdline().isEmpty() ? x.cmdline() : y.cmdline(),
            y.binary().equals("kernel") ? x.binary() : y.binary(),
            y.tar().isPresent() ? y.tar() : x.tar(),
            y.ucode().isPresent() ? y.ucode() : x.ucode(),
            y.where()));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> document(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    for (Map.Entry<String, Object> e : b.entrySet()) {
      Object old = out.get(e.getKey());
      if (old instanceof List<?> l && e.getValue() instanceof List<?> r) {
        out.put(e.getKey(), Stream.concat(l.stream(), r.stream()).toList());
      } else if (old instanceof Map<?, ?> m && e.getValue() instanceof Map<?, ?> r) {
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) m);
        merged.putAll((Map<String, Object>) r);
        out.put(e.getKey(), merged);
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
