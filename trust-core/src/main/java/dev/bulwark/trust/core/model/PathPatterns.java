package dev.bulwark.trust.core.model;

/**
 * TUF §4.5 PATHPATTERN matching: split pattern and path on "/", require the same number of
 * components, and match each pair like shell fnmatch ({@code *} any run, {@code ?} one character,
 * {@code [...]} a class, {@code [!...]} a negated class); case-sensitive; {@code *} never crosses
 * "/".
 */
public final class PathPatterns {
  private PathPatterns() {}

  public static boolean globMatches(String pattern, String path) {
    String[] p = pattern.split("/", -1);
    String[] t = path.split("/", -1);
    if (p.length != t.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (!fnmatch(p[i], 0, t[i], 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fnmatch(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (fnmatch(p, pi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      if (c == '[') {
        int end = classEnd(p, pi);
        if (end > 0) {
          if (!inClass(p.substring(pi + 1, end), s.charAt(si))) {
            return false;
          }
          pi = end + 1;
          si++;
          continue;
        }
      }
      if (c != '?' && c != s.charAt(si)) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }

  // Index of the ']' closing the class that starts at p[start] == '[', or -1 (then '[' is literal).
  private static int classEnd(String p, int start) {
    int i = start + 1;
    if (i < p.length() && p.charAt(i) == '!') {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    int end = p.indexOf(']', i);
    return end;
  }

  private static boolean inClass(String body, char ch) {
    boolean negate = body.startsWith("!");
    String set = negate ? body.substring(1) : body;
    boolean found = false;
    for (int i = 0; i < set.length(); i++) {
      if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
        found |= set.charAt(i) <= ch && ch <= set.charAt(i + 2);
        i += 2;
      } else {
        found |= set.charAt(i) == ch;
      }
    }
    return found != negate;
  }
}
