package dev.bulwark.builder;

import dev.bulwark.oci.ImageConfig;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A small OCI layout with a kernel, an init and a service image, for build tests. */
final class TestImages {
  static final String KERNEL = "localhost:5000/test/kernel:1";
  static final String INIT = "localhost:5000/test/init:1";
  static final String SERVICE = "localhost:5000/test/hello:1";

  static final String YAML =
      """
      kernel:
        image: localhost:5000/test/kernel:1
        cmdline: "console=ttyS0"
        tar: none
      init:
        - localhost:5000/test/init:1
      onboot:
        - name: first
          image: localhost:5000/test/hello:1
      services:
        - name: hello
          image: localhost:5000/test/hello:1
          env:
            - GREETING=hi
      files:
        - path: etc/motd
          contents: "hello\\n"
          mode: "0644"
      """;

  private TestImages() {}

  static OciLayout create(Path dir) throws Exception {
    OciLayout layout = OciLayout.open(dir);
    byte[] kernel = new LayerTarBuilder().file("kernel", 0644, bytes("KERNEL-BYTES")).build();
    layout.tag(
        KERNEL,
        OciImageWriter.into(layout).layer(kernel).platform(Platform.LINUX_AMD64).writeManifest());
    byte[] init =
        new LayerTarBuilder()
            .directory("bin", 0755)
            .file("bin/busybox", 0755, bytes("BUSYBOX"))
            .symlink("bin/sh", "busybox")
            .file("init", 0755, bytes("#!/bin/sh\n"))
            .directory("etc", 0755)
            .file("etc/resolv.conf", 0644, bytes("nameserver 1.1.1.1\n"))
            .build();
    layout.tag(
        INIT,
        OciImageWriter.into(layout).layer(init).platform(Platform.LINUX_AMD64).writeManifest());
    byte[] svc =
        new LayerTarBuilder()
            .directory("bin", 0755)
            .file("bin/hello", 0755, bytes("HELLO"))
            .build();
    layout.tag(
        SERVICE,
        OciImageWriter.into(layout)
            .layer(svc)
            .cmd("/bin/hello")
            .label(
                ImageConfig.MOBY_CONFIG_LABEL,
                "{\"command\":[\"/bin/hello\",\"--label\"],\"capabilities\":[\"CAP_SYS_ADMIN\"]}")
            .platform(Platform.LINUX_AMD64)
            .writeManifest());
    return layout;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
