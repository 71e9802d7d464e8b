package dev.lathe.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalsTest {

  @Test
  void wholeNumbersAsTheyAre() {
    assertEquals("42", Decimals.format(42));
    assertEquals("-7", Decimals.format(-7.0));
    assertEquals("1000000", Decimals.format(1e6));
    assertEquals("0", Decimals.format(0));
  }

  @Test
  void othersToSixSignificantDigits() {
    assertEquals("0.55", Decimals.format(0.55));
    assertEquals("0.123457", Decimals.format(0.1234567));
    assertEquals("10929.6", Decimals.format(10929.61284136933));
    assertEquals("0.0001", Decimals.format(0.0001));
    assertEquals("1.23457E-7", Decimals.format(1.2345678e-7));
    assertEquals("1.23457E+15", Decimals.format(1.2345678e15));
  }

  @Test
  void nonFiniteValuesByName() {
    assertEquals("NaN", Decimals.format(Double.NaN));
    assertEquals("-Infinity", Decimals.format(Double.NEGATIVE_INFINITY));
  }
}
