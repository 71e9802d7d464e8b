/**
 * Lathe's test kit for plugin authors: one contract test (TCK) per extension point, with the
 * plugin and evaluation contexts those tests need.
 */
module dev.lathe.testkit {
  requires transitive dev.lathe.api;
  requires transitive org.junit.jupiter.api;
  requires static org.apiguardian.api;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;

  exports dev.lathe.testkit.tck;
}
