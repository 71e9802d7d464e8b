package dev.lathe.plugin.chainsplitter.tier;

import dev.lathe.plugin.chainsplitter.chain.Block;
import dev.lathe.plugin.chainsplitter.chain.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * A cloud tier in a relational database reached through JDBC: an embedded SQLite file
 * ({@code jdbc:sqlite:PATH}, the default) or a PostgreSQL server
 * ({@code jdbc:postgresql://HOST:PORT/DB?user=U&password=P}) that several nodes share. Blocks
 * live in one table, {@value #TABLE}, keyed by chain name and index, so one database holds many
 * chains. Each {@link #put} checks the block and inserts it in one transaction. The drivers are
 * called directly rather than through {@code DriverManager}, so the tier works the same on the
 * module path, on the class path and inside a PF4J plugin's class loader.
 */
public final class JdbcCloudTier implements CloudTier {

  /** The table that holds the blocks. */
  public static final String TABLE = "lathe_chain_blocks";

  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final String url;
  private final String chain;
  private final boolean sqlite;
  private Connection connection;

  /**
   * A tier at {@code url} for the chain named {@code chain}; connects on first use.
   *
   * @throws IllegalArgumentException if the URL is neither {@code jdbc:sqlite:} nor
   *     {@code jdbc:postgresql:}
   */
  public JdbcCloudTier(String url, String chain) {
    this.url = url;
    this.chain = chain;
    this.sqlite = isSqlite(url);
    if (!sqlite && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("cloud tier '" + url
          + "': expected a jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB URL");
    }
  }

  /** Whether {@code url} names a tier this class can open. */
  public static boolean accepts(String url) {
    return isSqlite(url) || url.startsWith("jdbc:postgresql:");
  }

  private static boolean isSqlite(String url) {
    return url.startsWith("jdbc:sqlite:");
  }

  /** The SQLite URL of the file {@code file}. */
  public static String sqliteUrl(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** The names of the chains stored in the database at {@code url}, sorted. */
  public static List<String> chains(String url) throws IOException {
    try (JdbcCloudTier tier = new JdbcCloudTier(url, "")) {
      Connection c = tier.connection();
      List<String> names = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT DISTINCT chain FROM " + TABLE + " ORDER BY chain")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    } catch (SQLException e) {
      throw new IOException(redact(url) + ": cannot list its chains: " + e.getMessage(), e);
    }
  }

  @Override
  public String location() {
    return redact(url);
  }

  @Override
  public synchronized Optional<Head> head() throws IOException {
    try {
      return head(connection());
    } catch (SQLException e) {
      throw unreachable("read the head of chain '" + chain + "'", e);
    }
  }

  private Optional<Head> head(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT idx, hash FROM " + TABLE
        + " WHERE chain = ? ORDER BY idx DESC LIMIT 1")) {
      s.setString(1, chain);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
      }
    }
  }

  @Override
  public synchronized void put(Block block) throws IOException {
    Optional<String> problem = block.selfCheck();
    if (problem.isPresent()) {
      throw rejected(block, problem.get());
    }
    byte[] bytes = block.encode();
    try {
      Connection c = connection();
      c.setAutoCommit(false);
      try {
        Optional<byte[]> stored = read(c, block.index());
        if (stored.isPresent()) {
          c.rollback();
          if (!MessageDigest.isEqual(stored.get(), bytes)) {
            throw rejected(block, "the tier holds a different block " + block.index());
          }
          return;
        }
        Optional<Head> head = head(c);
        long expected = head.map(h -> h.index() + 1).orElse(0L);
        byte[] previous = head.map(Head::hash).orElse(Block.GENESIS_PREVIOUS);
        if (block.index() != expected) {
          c.rollback();
          throw rejected(block, "the tier's next block is " + expected);
        }
        if (!MessageDigest.isEqual(block.previousHash(), previous)) {
          c.rollback();
          throw rejected(block, "its previous hash does not link to the tier's block "
              + (expected - 1) + " (" + Sha256.hex(previous) + ")");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE
            + " (chain, idx, hash, block) VALUES (?, ?, ?, ?)")) {
          s.setString(1, chain);
          s.setLong(2, block.index());
          s.setBytes(3, block.hash());
          s.setBytes(4, bytes);
          s.executeUpdate();
        }
        c.commit();
      } finally {
        if (connection != null && !connection.isClosed()) {
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw unreachable("store block " + block.index(), e);
    }
  }

  @Override
  public synchronized Optional<byte[]> read(long index) throws IOException {
    try {
      return read(connection(), index);
    } catch (SQLException e) {
      throw unreachable("read block " + index, e);
    }
  }

  private Optional<byte[]> read(Connection c, long index) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT block FROM " + TABLE
        + " WHERE chain = ? AND idx = ?")) {
      s.setString(1, chain);
      s.setLong(2, index);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    }
  }

  @Override
  public synchronized long storedBytes() throws IOException {
    try (PreparedStatement s = connection().prepareStatement("SELECT COALESCE(SUM("
        + (sqlite ? "LENGTH" : "OCTET_LENGTH") + "(block)), 0) FROM " + TABLE
        + " WHERE chain = ?")) {
      s.setString(1, chain);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw unreachable("measure chain '" + chain + "'", e);
    }
  }

  /**
   * Overwrites the stored bytes of block {@code index} as they are, bypassing every check: what
   * an attacker with write access to the database does, for the tamper-detection experiments.
   */
  public synchronized void overwrite(long index, byte[] bytes) throws IOException {
    try (PreparedStatement s = connection().prepareStatement("UPDATE " + TABLE
        + " SET block = ? WHERE chain = ? AND idx = ?")) {
      s.setBytes(1, bytes);
      s.setString(2, chain);
      s.setLong(3, index);
      if (s.executeUpdate() != 1) {
        throw new IOException(location() + ": chain '" + chain + "' has no block " + index);
      }
    } catch (SQLException e) {
      throw unreachable("overwrite block " + index, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw new IOException(location() + ": cannot close: " + e.getMessage(), e);
      } finally {
        connection = null;
      }
    }
  }

  private Connection connection() throws SQLException, IOException {
    if (connection != null && !connection.isClosed()) {
      return connection;
    }
    connection = null;
    Connection c;
    if (sqlite) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length()));
      if (file.getParent() != null) {
        try {
          Files.createDirectories(file.getParent());
        } catch (IOException e) {
          throw new IOException("cloud tier " + location() + ": cannot create its folder "
              + file.getParent() + " (" + e + ")", e);
        }
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout(CONNECT_TIMEOUT_SECONDS * 1000);
      c = new org.sqlite.JDBC().connect(url, config.toProperties());
    } else {
      Properties p = new Properties();
      p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
      p.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
      Driver driver = new org.postgresql.Driver();
      c = driver.connect(url, p);
    }
    if (c == null) {
      throw new SQLException("the driver does not accept " + location());
    }
    try (Statement s = c.createStatement()) {
      String blob = sqlite ? "BLOB" : "BYTEA";
      s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (chain VARCHAR(200) NOT NULL,"
          + " idx BIGINT NOT NULL, hash " + blob + " NOT NULL, block " + blob + " NOT NULL,"
          + " PRIMARY KEY (chain, idx))");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    connection = c;
    return c;
  }

  private IOException unreachable(String what, SQLException e) {
    try {
      close();
    } catch (IOException closing) {
      e.addSuppressed(closing);
    }
    return new IOException("cloud tier " + location() + ": cannot " + what + ": "
        + e.getMessage(), e);
  }

  private RejectedBlockException rejected(Block block, String why) {
    return new RejectedBlockException("cloud tier " + location() + " rejected block "
        + block.index() + " of chain '" + chain + "': " + why);
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
