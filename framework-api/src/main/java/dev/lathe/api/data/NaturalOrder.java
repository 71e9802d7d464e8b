package dev.lathe.api.data;

import java.util.Comparator;

/**
 * Orders names as people do: runs of digits compare by their numeric value, so
 * {@code chapter_2} comes before {@code chapter_10}; everything else compares by character. Names
 * equal under that rule ({@code 01} and {@code 1}) fall back to {@link String#compareTo}.
 */
final class NaturalOrder implements Comparator<String> {

  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int byValue = compareNumbers(a.substring(i, endA), b.substring(j, endB));
        if (byValue != 0) {
          return byValue;
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    int byLength = Integer.compare(a.length() - i, b.length() - j);
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  private static int compareNumbers(String x, String y) {
    String p = stripZeros(x);
    String q = stripZeros(y);
    return p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }
}
