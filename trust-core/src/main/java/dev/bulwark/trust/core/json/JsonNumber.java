package dev.bulwark.trust.core.json;

import java.math.BigInteger;
import java.util.Objects;

/** A JSON integer (canonical JSON has no floats). */
public record JsonNumber(BigInteger value) implements JsonValue {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  public JsonNumber {
    Objects.requireNonNull(value, "value");
  }

  /** True when the value fits a {@code long}. */
  public boolean fitsLong() {
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
  }

  @Override
  public String kind() {
    return "number";
  }
}
