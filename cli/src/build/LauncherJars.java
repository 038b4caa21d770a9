import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Build step of the CLI, run by cli/pom.xml on the launcher's copies of library jars in
 * cli/target/lib (never on ~/.m2 or a test class path), for a faster start with the JDK AOT cache:
 *
 * <ul>
 *   <li>JAR signature files (META-INF/*.SF, .RSA, .DSA, .EC) are dropped. OpenJDK re-checks a
 *       signed jar on every start (BouncyCastle: a 0.8 MB manifest and signature file digested,
 *       each class re-hashed, about 0.3 s of CPU) yet accepts any signer, so the check says nothing
 *       about origin; and the AOT cache never holds classes of signed jars. Maven verified the
 *       jar's checksum when it fetched it; its classes are unchanged.
 *   <li>Class files older than Java 6 (major version < 50: picocli ships Java 5) are rewritten to
 *       Java 8 with stack map frames computed by the JDK's class-file API. Their code is unchanged;
 *       the AOT cache cannot link the old format, so each start would load and verify them again.
 *       All or nothing: if a class cannot be rewritten, or any rewritten class fails to load and
 *       verify in a fresh class loader, the jar is left exactly as it was (with a warning).
 * </ul>
 *
 * <p>A jar with nothing to change is not touched (its time stamp stays, so the launcher's AOT
 * caches stay valid). Usage: {@code java LauncherJars.java JAR...}
 */
public final class LauncherJars {
  private static final int TARGET_MAJOR = ClassFile.JAVA_8_VERSION;

  public static void main(String[] args) throws Exception {
    for (String a : args) {
      prepare(Path.of(a));
    }
  }

  private static void prepare(Path jar) throws IOException {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
    Result r;
    try {
      r = rewrite(jar, tmp, true);
      if (r.upgraded() > 0) {
        verify(tmp);
      }
    } catch (Exception | LinkageError e) {
      System.err.println(
          "[WARNING] " + jar.getFileName() + ": classes left as they were (" + e + ")");
      r = rewrite(jar, tmp, false);
    }
    if (r.upgraded() == 0 && r.dropped() == 0) {
      Files.deleteIfExists(tmp);
      return;
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println(
        jar.getFileName()
            + ": "
            + r.dropped()
            + " signature files dropped, "
            + r.upgraded()
            + " classes rewritten to Java 8");
  }

  private record Result(int dropped, int upgraded) {}

  private static boolean signatureFile(String name) {
    return name.startsWith("META-INF/")
        && name.indexOf('/', "META-INF/".length()) < 0
        && (name.endsWith(".SF")
            || name.endsWith(".RSA")
            || name.endsWith(".DSA")
            || name.endsWith(".EC"));
  }

  private static Result rewrite(Path jar, Path out, boolean upgrade) throws IOException {
    int dropped = 0;
    int upgraded = 0;
    try (URLClassLoader own = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        JarFile in = new JarFile(jar.toFile(), false);
        JarOutputStream w = new JarOutputStream(Files.newOutputStream(out))) {
      ClassFile cf =
          ClassFile.of(
              ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
              ClassFile.ConstantPoolSharingOption.NEW_POOL,
              ClassFile.ClassHierarchyResolverOption.of(
                  ClassHierarchyResolver.defaultResolver()
                      .orElse(ClassHierarchyResolver.ofResourceParsing(own))));
      for (Enumeration<JarEntry> en = in.entries(); en.hasMoreElements(); ) {
        JarEntry e = en.nextElement();
        if (signatureFile(e.getName())) {
          dropped++;
          continue;
        }
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        if (upgrade && e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
          ClassModel cm = cf.parse(bytes);
          if (cm.majorVersion() < ClassFile.JAVA_6_VERSION) {
            // Re-emitting every method body makes the API compute the stack map frames.
            bytes =
                cf.transformClass(
                    cm,
                    ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                        .andThen(ClassTransform.endHandler(b -> b.withVersion(TARGET_MAJOR, 0))));
            upgraded++;
          }
        }
        JarEntry copy = new JarEntry(e.getName());
        copy.setTime(e.getTime());
        w.putNextEntry(copy);
        w.write(bytes);
        w.closeEntry();
      }
    }
    return new Result(dropped, upgraded);
  }

  /** Loads and links (so verifies) every class of the rewritten jar in a fresh loader. */
  private static void verify(Path jar) throws Exception {
    List<String> names = new ArrayList<>();
    try (JarFile in = new JarFile(jar.toFile())) {
      in.stream()
          .map(JarEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
          .filter(n -> !n.endsWith("module-info.class"))
          .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
    }
    try (URLClassLoader l =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String n : names) {
        // Reflection on the methods links the class, which runs the verifier (no initialisation).
        Class.forName(n, false, l).getDeclaredMethods();
      }
    }
  }

  private LauncherJars() {}
}
