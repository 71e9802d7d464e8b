package dev.lathe.core.internal.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats numbers for people: whole numbers as they are, others to six significant digits. */
final class Decimals {

  private static final MathContext SIX_DIGITS = new MathContext(6);

  private Decimals() {}

  /**
   * {@code value} for a reader: {@code 42}, {@code 0.123457}, {@code 1.23457E+9},
   * {@code NaN}, {@code Infinity}.
   */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    BigDecimal rounded = new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    return exponent >= -4 && exponent < 6 ? rounded.toPlainString() : rounded.toString();
  }
}
