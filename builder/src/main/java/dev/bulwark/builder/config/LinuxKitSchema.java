package dev.bulwark.builder.config;

import static dev.bulwark.builder.config.Shape.BOOLEAN;
import static dev.bulwark.builder.config.Shape.INTEGER;
import static dev.bulwark.builder.config.Shape.INT_OR_STRING;
import static dev.bulwark.builder.config.Shape.STRING;
import static dev.bulwark.builder.config.Shape.STRINGS;

import dev.bulwark.builder.config.Shape.Arr;
import dev.bulwark.builder.config.Shape.Dict;
import dev.bulwark.builder.config.Shape.Obj;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The LinuxKit build-file schema (linuxkit {@code moby/schema.go}, research/linuxkit.md (a)): every
 * object is closed, so a misspelled key is an error.
 */
final class LinuxKitSchema {
  private LinuxKitSchema() {}

  static final Shape ID_MAPPING =
      obj(Map.of("hostID", INTEGER, "containerID", INTEGER, "size", INTEGER));

  static final Shape MOUNT =
      obj(
          Map.of(
              "destination", STRING,
              "type", STRING,
              "source", STRING,
              "options", STRINGS,
              "uidMappings", new Arr(ID_MAPPING),
              "gidMappings", new Arr(ID_MAPPING)));

  static final Shape DEVICE =
      obj(
          Map.of(
              "path", STRING,
              "type", STRING,
              "major", INTEGER,
              "minor", INTEGER,
              "mode", STRING),
          "path",
          "type");

  static final Shape INTERFACE =
      obj(Map.of("name", STRING, "add", STRING, "peer", STRING, "createInRoot", BOOLEAN));

  static final Shape BIND_NS =
      obj(
          Map.of(
              "cgroup", STRING, "ipc", STRING, "mnt", STRING, "net", STRING, "pid", STRING, "user",
              STRING, "uts", STRING));

  static final Shape RUNTIME =
      obj(
          Map.of(
              "cgroups", STRINGS,
              "mounts", new Arr(MOUNT),
              "mkdir", STRINGS,
              "interfaces", new Arr(INTERFACE),
              "bindNS", BIND_NS,
              "namespace", STRING));

  static final Shape RESOURCES = resources();

  static final Shape IMAGE_SETTINGS = imageObject(false);
  static final Shape IMAGE_ENTRY = imageObject(true);

  static final Shape KERNEL =
      obj(
          Map.of(
              "image", STRING, "cmdline", STRING, "binary", STRING, "tar", STRING, "ucode", STRING),
          "image");

  static final Shape FILE =
      obj(
          Map.of(
              "path", STRING,
              "directory", BOOLEAN,
              "symlink", STRING,
              "contents", STRING,
              "source", STRING,
              "metadata", STRING,
              "optional", BOOLEAN,
              "mode", STRING,
              "uid", INT_OR_STRING,
              "gid", INT_OR_STRING),
          "path");

  static final Shape VOLUME =
      obj(
          Map.of(
              "name", STRING,
              "image", STRING,
              "readonly", BOOLEAN,
              "format", STRING,
              "platforms", STRINGS),
          "name");

  static final Shape TRUST = obj(Map.of("image", STRINGS, "org", STRINGS));

  static final Shape ROOT =
      obj(
          Map.of(
              "kernel", KERNEL,
              "init", STRINGS,
              "onboot", new Arr(IMAGE_ENTRY),
              "onshutdown", new Arr(IMAGE_ENTRY),
              "services", new Arr(IMAGE_ENTRY),
              "files", new Arr(FILE),
              "volumes", new Arr(VOLUME),
              "trust", TRUST));

  private static Shape imageObject(boolean entry) {
    Map<String, Shape> f = new HashMap<>();
    if (entry) {
      f.put("name", STRING);
      f.put("image", STRING);
    }
    f.put("capabilities", STRINGS);
    f.put("capabilities.add", STRINGS);
    f.put("ambient", STRINGS);
    f.put("mounts", new Arr(MOUNT));
    f.put("binds", STRINGS);
    f.put("binds.add", STRINGS);
    f.put("tmpfs", STRINGS);
    f.put("command", STRINGS);
    f.put("env", STRINGS);
    f.put("cwd", STRING);
    f.put("net", STRING);
    f.put("pid", STRING);
    f.put("ipc", STRING);
    f.put("uts", STRING);
    f.put("userns", STRING);
    f.put("hostname", STRING);
    f.put("readonly", BOOLEAN);
    f.put("maskedPaths", STRINGS);
    f.put("readonlyPaths", STRINGS);
    f.put("uid", INT_OR_STRING);
    f.put("gid", INT_OR_STRING);
    f.put("additionalGids", new Arr(INT_OR_STRING));
    f.put("noNewPrivileges", BOOLEAN);
    f.put("oomScoreAdj", INTEGER);
    f.put("rootfsPropagation", STRING);
    f.put("cgroupsPath", STRING);
    f.put("resources", RESOURCES);
    f.put("sysctl", new Dict(STRING));
    f.put("rlimits", STRINGS);
    f.put("uidMappings", new Arr(ID_MAPPING));
    f.put("gidMappings", new Arr(ID_MAPPING));
    f.put("annotations", new Dict(STRING));
    f.put("runtime", RUNTIME);
    f.put("devices", new Arr(DEVICE));
    return entry ? new Obj(f, Set.of("name", "image")) : new Obj(f, Set.of());
  }

  private static Shape resources() {
    Shape cgroupDevice =
        obj(
            Map.of(
                "allow", BOOLEAN, "type", STRING, "major", INTEGER, "minor", INTEGER, "access",
                STRING));
    Map<String, Shape> memory = new HashMap<>();
    for (String k : new String[] {"limit", "reservation", "swap", "kernel", "kernelTCP"}) {
      memory.put(k, INTEGER);
    }
    memory.put("swappiness", INTEGER);
    memory.put("disableOOMKiller", BOOLEAN);
    memory.put("useHierarchy", BOOLEAN);
    memory.put("checkBeforeUpdate", BOOLEAN);
    Map<String, Shape> cpu = new HashMap<>();
    for (String k :
        new String[] {"shares", "quota", "burst", "period", "realtimeRuntime", "realtimePeriod"}) {
      cpu.put(k, INTEGER);
    }
    cpu.put("cpus", STRING);
    cpu.put("mems", STRING);
    cpu.put("idle", INTEGER);
    Shape weightDevice =
        obj(Map.of("major", INTEGER, "minor", INTEGER, "weight", INTEGER, "leafWeight", INTEGER));
    Shape throttle = obj(Map.of("major", INTEGER, "minor", INTEGER, "rate", INTEGER));
    Shape blockIo =
        obj(
            Map.of(
                "weight", INTEGER,
                "leafWeight", INTEGER,
                "weightDevice", new Arr(weightDevice),
                "throttleReadBpsDevice", new Arr(throttle),
                "throttleWriteBpsDevice", new Arr(throttle),
                "throttleReadIOPSDevice", new Arr(throttle),
                "throttleWriteIOPSDevice", new Arr(throttle)));
    Shape priority = obj(Map.of("name", STRING, "priority", INTEGER));
    Shape network = obj(Map.of("classID", INTEGER, "priorities", new Arr(priority)));
    Shape hugepage = obj(Map.of("pageSize", STRING, "limit", INTEGER));
    return obj(
        Map.of(
            "devices", new Arr(cgroupDevice),
            "memory", new Obj(memory, Set.of()),
            "cpu", new Obj(cpu, Set.of()),
            "pids", obj(Map.of("limit", INTEGER)),
            "blockIO", blockIo,
            "hugepageLimits", new Arr(hugepage),
            "network", network));
  }

  private static Shape obj(Map<String, Shape> fields, String... required) {
    return new Obj(fields, Set.of(required));
  }
}
