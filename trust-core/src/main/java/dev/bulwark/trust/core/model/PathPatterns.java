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
      if (!fnmatch(p[i], t[i])) {
        return false;
      }
    }
    return true;
  }

  // Iterative wildcard matching over code points: on a mismatch, only the most recent '*' is
  // retried one character further, so hostile patterns such as "*a*a*a*a*b" cost O(pattern x
  // path) instead of exponential time (a delegating role must not be able to hang the search).
  private static boolean fnmatch(String patternText, String text) {
    int[] p = patternText.codePoints().toArray();
    int[] s = text.codePoints().toArray();
    int pi = 0;
    int si = 0;
    int starP = -1;
    int starS = -1;
    while (si < s.length) {
      if (pi < p.length && p[pi] == '*') {
        starP = pi++;
        starS = si;
        continue;
      }
      int next = pi < p.length ? matchOne(p, pi, s[si]) : -1;
      if (next >= 0) {
        pi = next;
        si++;
      } else if (starP >= 0) {
        pi = starP + 1;
        si = ++starS;
      } else {
        return false;
      }
    }
    while (pi < p.length && p[pi] == '*') {
      pi++;
    }
    return pi == p.length;
  }

  // If the single-character token at p[pi] ('?', a class or a literal) matches ch, the index after
  // the token; otherwise -1.
  private static int matchOne(int[] p, int pi, int ch) {
    int c = p[pi];
    if (c == '[') {
      int end = classEnd(p, pi);
      if (end > 0) {
        return inClass(p, pi + 1, end, ch) ? end + 1 : -1;
      }
    }
    return c == '?' || c == ch ? pi + 1 : -1;
  }

  // Index of the ']' closing the class that starts at p[start] == '[', or -1 (then '[' is literal).
  private static int classEnd(int[] p, int start) {
    int i = start + 1;
    if (i < p.length && p[i] == '!') {
      i++;
    }
    if (i < p.length && p[i] == ']') {
      i++;
    }
    for (; i < p.length; i++) {
      if (p[i] == ']') {
        return i;
      }
    }
    return -1;
  }

  // Whether ch is in the class body p[from, to): characters and a-z ranges, '!' first negates.
  private static boolean inClass(int[] p, int from, int to, int ch) {
    boolean negate = from < to && p[from] == '!';
    int i = negate ? from + 1 : from;
    boolean found = false;
    for (; i < to; i++) {
      if (i + 2 < to && p[i + 1] == '-') {
        found |= p[i] <= ch && ch <= p[i + 2];
        i += 2;
      } else {
        found |= p[i] == ch;
      }
    }
    return found != negate;
  }
}
