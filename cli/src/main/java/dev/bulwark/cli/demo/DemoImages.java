package dev.bulwark.cli.demo;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.ImageConfig;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three small LinuxKit-shaped images written into an OCI layout: a kernel image ({@code kernel}, a
 * stand-in that does not boot, and {@code kernel.tar} with a modules directory), an init image and
 * a service image whose {@code org.mobyproject.config} label gives its command.
 */
final class DemoImages {
  static final String KERNEL = "localhost:5000/demo/kernel:6.6";
  static final String INIT = "localhost:5000/demo/init:v1";
  static final String HELLO = "localhost:5000/demo/hello:v1";

  static final String YAML =
      """
      # Written by `bulwark demo`: every image must be signed in the demo's TUF repository.
      kernel:
        image: %s
        cmdline: "console=ttyS0"
      init:
        - %s
      onboot:
        - name: greet
          image: %s
      services:
        - name: hello
          image: %s
      files:
        - path: etc/motd
          contents: "Built by bulwark demo from signed images\\n"
          mode: "0644"
      trust:
        image:
          - localhost:5000/demo/kernel
          - localhost:5000/demo/init
          - localhost:5000/demo/hello
      """;

  private DemoImages() {}

  /** The build file for {@code hello} as the onboot and service image. */
  static String yaml(String hello) {
    return YAML.formatted(KERNEL, INIT, hello, hello);
  }

  /** Writes the three images into {@code layout}, tagged; returns their manifest descriptors. */
  static Map<String, Descriptor> create(OciLayout layout) throws Exception {
    Map<String, Descriptor> out = new LinkedHashMap<>();
    out.put(
        KERNEL, write(layout, KERNEL, kernel(layout, "not a real kernel: the demo does not boot")));
    byte[] init =
        new LayerTarBuilder()
            .directory("etc", 0755)
            .file("etc/os-release", 0644, bytes("NAME=\"Bulwark demo\"\n"))
            .file("init", 0755, bytes("#!/bin/sh\nexec /sbin/init\n"))
            .build();
    out.put(INIT, write(layout, INIT, OciImageWriter.into(layout).layer(init)));
    out.put(HELLO, write(layout, HELLO, hello(layout, "echo hello from a signed image")));
    return out;
  }

  /** A kernel image: {@code kernel} (a stand-in holding {@code text}) and {@code kernel.tar}. */
  static OciImageWriter kernel(OciLayout layout, String text) {
    byte[] modules =
        new LayerTarBuilder()
            .directory("lib", 0755)
            .directory("lib/modules", 0755)
            .directory("lib/modules/6.6.0-demo", 0755)
            .file("lib/modules/6.6.0-demo/modules.dep", 0644, bytes(""))
            .build();
    byte[] kernel =
        new LayerTarBuilder()
            .file("kernel", 0644, bytes(text + "\n"))
            .file("kernel.tar", 0644, modules)
            .build();
    return OciImageWriter.into(layout).layer(kernel);
  }

  /** A service image running {@code /bin/hello}, whose script prints {@code line}. */
  static OciImageWriter hello(OciLayout layout, String line) {
    byte[] svc =
        new LayerTarBuilder()
            .directory("bin", 0755)
            .file("bin/hello", 0755, bytes("#!/bin/sh\n" + line + "\n"))
            .build();
    return OciImageWriter.into(layout)
        .layer(svc)
        .label(ImageConfig.MOBY_CONFIG_LABEL, "{\"command\":[\"/bin/hello\"],\"readonly\":true}");
  }

  private static Descriptor write(OciLayout layout, String ref, OciImageWriter w) throws Exception {
    Descriptor d = w.platform(Platform.LINUX_AMD64).writeManifest();
    layout.tag(ref, d);
    return d;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
