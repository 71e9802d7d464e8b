/**
 * ChainSplitter (arXiv:1910.00742): a hash-chained, Merkle-rooted ledger of trial records whose
 * newest blocks stay in a local overlay and whose older blocks live in a cloud tier reached
 * through JDBC (SQLite by default, PostgreSQL for a shared deployment), with the paper's IIoT
 * case study as a reproduction.
 */
module dev.lathe.plugin.chainsplitter {
  requires dev.lathe.api;
  requires java.sql;
  requires org.xerial.sqlitejdbc;
  requires org.postgresql.jdbc;

  provides dev.lathe.api.spi.ResultStoreProvider with
      dev.lathe.plugin.chainsplitter.store.ChainSplitterStoreProvider;
  provides dev.lathe.api.spi.ReproductionProvider with
      dev.lathe.plugin.chainsplitter.reproduce.ChainSplitterReproductionProvider;
}
