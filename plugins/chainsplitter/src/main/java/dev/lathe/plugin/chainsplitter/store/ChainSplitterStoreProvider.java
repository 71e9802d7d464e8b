package dev.lathe.plugin.chainsplitter.store;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.spi.Settings;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.plugin.chainsplitter.ledger.Ledger;
import dev.lathe.plugin.chainsplitter.ledger.LedgerSettings;
import dev.lathe.plugin.chainsplitter.tier.JdbcCloudTier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code chainsplitter} result store (Lao et al., arXiv:1910.00742): trial records in a
 * hash-chained ledger whose newest blocks stay in {@code ledger/} of the results folder and whose
 * older blocks live in a cloud tier, an embedded SQLite database by default or a PostgreSQL
 * server. It also opens a cloud tier's chain alone, by its JDBC URL, for {@code lathe ledger}.
 */
public final class ChainSplitterStoreProvider implements ResultStoreProvider {

  static final String ID = "chainsplitter";
  /** The value of {@code cloud} that means the embedded SQLite database in the cache folder. */
  static final String EMBEDDED = "embedded";

  private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "ChainSplitter: hash-chained result ledger, local overlay"
        + " and cloud tier", "[0.1,1.0)").withPaper("1910.00742",
        "ChainSplitter: Towards Blockchain-based Industrial IoT Architecture for Supporting"
            + " Hierarchical Storage");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("block_size", 64, "records per block: a block is sealed when this"
            + " many are pending").atLeast(1),
        ParameterSpec.of("seal_interval", ParameterSpec.Type.DURATION, "30s", "a partial block"
            + " is sealed once its first record is this old; 0 seals by size only"),
        ParameterSpec.integer("window", 16, "sealed blocks the local overlay keeps after the"
            + " cloud tier holds them (the newest always stays)").atLeast(1),
        ParameterSpec.integer("max_backlog", 1024, "sealed blocks that may wait for an"
            + " unreachable cloud tier before new records are refused").atLeast(1),
        ParameterSpec.of("sync_retry", ParameterSpec.Type.DURATION, "10s", "after a failed"
            + " sync, how long appends wait before trying the cloud tier again"),
        ParameterSpec.string("cloud", EMBEDDED, "the cloud tier: 'embedded' (SQLite file"
            + " chainsplitter/cloud.db in the cache folder), jdbc:sqlite:PATH or"
            + " jdbc:postgresql://HOST:PORT/DB?user=U&password=P"),
        ParameterSpec.string("chain", "", "the chain's name in the cloud tier; empty: the"
            + " results folder's name plus a random suffix, chosen once"),
        ParameterSpec.bool("fsync", false, "force every record and block to stable storage"
            + " (slower; without it a record survives a process kill, not a power cut)"));
  }

  @Override
  public ResultStore open(PluginContext context, RecordCodec codec) throws IOException {
    Settings s = context.settings();
    Path folder = context.workDirectory().resolve("ledger");
    Files.createDirectories(folder);
    String chain = chain(s.getString("chain"), folder, context.workDirectory());
    LedgerSettings settings = new LedgerSettings(s.getInt("block_size"),
        s.getDuration("seal_interval"), s.getInt("window"), s.getInt("max_backlog"),
        s.getDuration("sync_retry"), s.getBoolean("fsync"));
    Ledger ledger = Ledger.open(folder, settings, new JdbcCloudTier(cloudUrl(context), chain),
        Clock.systemUTC(), context.logger());
    long sealEvery = settings.sealInterval().isZero() ? 0
        : Math.max(50, settings.sealInterval().toMillis() / 4);
    return new ChainSplitterStore(ledger, codec, context.logger(), sealEvery);
  }

  @Override
  public boolean keepsStoresAt(String location) {
    return JdbcCloudTier.accepts(location);
  }

  /**
   * Opens the chain named by the setting {@code chain} in the database at {@code location}, or
   * its only chain if the setting is empty.
   */
  @Override
  public ResultStore openAt(String location, PluginContext context, RecordCodec codec)
      throws IOException {
    String chain = context.settings().getString("chain");
    if (chain.isEmpty()) {
      List<String> chains = JdbcCloudTier.chains(location);
      if (chains.size() != 1) {
        throw new IOException("chainsplitter: " + new JdbcCloudTier(location, "").location()
            + " holds " + (chains.isEmpty() ? "no chain" : chains.size() + " chains ("
                + String.join(", ", chains) + "); name one with --set chain=NAME"));
      }
      chain = chains.get(0);
    }
    return new CloudChainStore(new JdbcCloudTier(location, chain), codec);
  }

  private static String cloudUrl(PluginContext context) {
    String cloud = context.settings().getString("cloud");
    if (cloud.equals(EMBEDDED)) {
      return JdbcCloudTier.sqliteUrl(context.cacheDirectory().resolve("chainsplitter")
          .resolve("cloud.db"));
    }
    if (!JdbcCloudTier.accepts(cloud)) {
      throw new IllegalArgumentException("store.cloud '" + cloud + "': expected 'embedded',"
          + " jdbc:sqlite:PATH or jdbc:postgresql://HOST:PORT/DB");
    }
    return cloud;
  }

  /**
   * The chain's name: the setting if given, else the one chosen when the ledger was created,
   * kept in {@code ledger/chain}.
   */
  private static String chain(String setting, Path folder, Path results) throws IOException {
    Path file = folder.resolve("chain");
    String stored = Files.exists(file)
        ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    if (!setting.isEmpty()) {
      if (!CHAIN.matcher(setting).matches()) {
        throw new IllegalArgumentException("store.chain '" + setting + "': use 1 to 200 letters,"
            + " digits, '.', '_' or '-'");
      }
      if (stored != null && !stored.equals(setting)) {
        throw new IOException(folder + " holds chain '" + stored + "', not '" + setting + "'");
      }
      if (stored == null) {
        write(file, setting);
      }
      return setting;
    }
    if (stored != null) {
      return stored;
    }
    Path name = results.toAbsolutePath().getFileName();
    String base = name == null ? "chain" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    String chain = (base.length() > 150 ? base.substring(0, 150) : base) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    write(file, chain);
    return chain;
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
