/**
 * Lathe's test kit for plugin authors and the kernel: one contract test (TCK) per extension
 * point, a kit that drives plugins through the real kernel, real plugin jars built inside a
 * test, and fixtures of faulty, slow and broken plugins.
 */
module dev.lathe.testkit {
  requires transitive dev.lathe.api;
  requires transitive dev.lathe.core;
  requires transitive org.junit.jupiter.api;
  requires static org.apiguardian.api;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  requires java.compiler;

  exports dev.lathe.testkit;
  exports dev.lathe.testkit.fixtures;
  exports dev.lathe.testkit.jar;
  exports dev.lathe.testkit.tck;
}
