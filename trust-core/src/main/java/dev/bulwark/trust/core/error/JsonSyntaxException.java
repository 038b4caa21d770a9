package dev.bulwark.trust.core.error;

/** Input that is not strict JSON (syntax error, duplicate key, float, too deep), with line:col. */
public class JsonSyntaxException extends MalformedMetadataException {
  private final int line;
  private final int column;

  public JsonSyntaxException(String message, int line, int column) {
    super(message + " (at line " + line + ", column " + column + ")");
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
