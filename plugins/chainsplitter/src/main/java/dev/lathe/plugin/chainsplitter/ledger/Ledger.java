package dev.lathe.plugin.chainsplitter.ledger;

import dev.lathe.plugin.chainsplitter.chain.Block;
import dev.lathe.plugin.chainsplitter.chain.ChainCheck;
import dev.lathe.plugin.chainsplitter.chain.Sha256;
import dev.lathe.plugin.chainsplitter.tier.CloudTier;
import dev.lathe.plugin.chainsplitter.tier.RejectedBlockException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * A ChainSplitter ledger on one node (Lao et al., arXiv:1910.00742): the block connector, which
 * journals each record and seals the journal into a block by size or time; the local overlay,
 * which holds the newest blocks; and the cloud connector, which ships sealed blocks to the cloud
 * tier (the tier checks each on arrival), and then evicts from the overlay every shipped block
 * older than the newest {@code window}. Reads of evicted blocks go to the cloud tier.
 *
 * <p>Crash safety: a record is journalled with one write before {@link #append} returns; a
 * block file is renamed into place whole, and only then is its journal removed; a journal whose
 * block exists is a leftover and is removed on opening. Shipping is idempotent and always starts
 * from the cloud tier's own head, so a ship cut off at any point is repeated, never doubled.
 * A ledger folder is used by one process at a time.
 *
 * <p>Costs: an append is one write, plus, for every {@code blockSize}-th record, one block file
 * (O(block bytes) hashing) and one insert per shipped block; {@link #verify} reads every block
 * once, O(chain bytes).
 */
public final class Ledger implements AutoCloseable {

  private static final Pattern JOURNAL = Pattern.compile("pending-(\\d{12})\\.log");

  private final Path folder;
  private final LedgerSettings settings;
  private final CloudTier cloud;
  private final Clock clock;
  private final Logger log;
  private final LocalOverlay overlay;
  private PendingJournal journal;
  private long nextIndex;
  private byte[] lastHash;
  private Instant oldestPending;
  private long knownCloudHead = -1;
  private boolean cloudHeadKnown;
  private Instant retryAt = Instant.MIN;
  private String lastSyncFailure;
  private boolean failing;
  private RejectedBlockException rejection;

  private Ledger(Path folder, LedgerSettings settings, CloudTier cloud, Clock clock, Logger log,
      LocalOverlay overlay) {
    this.folder = folder;
    this.settings = settings;
    this.cloud = cloud;
    this.clock = clock;
    this.log = log;
    this.overlay = overlay;
  }

  /**
   * Opens the ledger in {@code folder}, creating it if new, recovering from a kill (a torn
   * journal frame, a half-written block file, a journal whose block was sealed, a full journal
   * not yet sealed), and tries one sync with the cloud tier.
   *
   * @param cloud the cloud tier; the ledger closes it when closed
   */
  public static Ledger open(Path folder, LedgerSettings settings, CloudTier cloud, Clock clock,
      Logger log) throws IOException {
    Files.createDirectories(folder);
    LocalOverlay overlay = new LocalOverlay(folder.resolve("blocks"), settings.fsync());
    Ledger ledger = new Ledger(folder, settings, cloud, clock, log, overlay);
    Optional<Long> newest = overlay.newest();
    if (newest.isEmpty()) {
      try {
        ledger.nextIndex = ledger.readCloudHead() + 1;
      } catch (IOException e) {
        log.warn("chainsplitter ledger {}: starts a new chain while the cloud tier is"
            + " unreachable; should the tier hold this chain already, it will refuse the new"
            + " blocks: {}", folder, e.getMessage());
        ledger.nextIndex = 0;
      }
    } else {
      ledger.nextIndex = newest.get() + 1;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "pending-*.log")) {
      for (Path f : files) {
        Matcher m = JOURNAL.matcher(f.getFileName().toString());
        if (m.matches() && Long.parseLong(m.group(1)) < ledger.nextIndex) {
          Files.delete(f);
        }
      }
    }
    ledger.journal = PendingJournal.open(ledger.journalFile(ledger.nextIndex));
    if (ledger.journal.size() > 0) {
      ledger.oldestPending = clock.instant();
    }
    if (ledger.journal.size() >= settings.blockSize()) {
      ledger.seal();
    }
    ledger.trySync(true);
    return ledger;
  }

  private Path journalFile(long index) {
    return folder.resolve(String.format("pending-%012d.log", index));
  }

  /**
   * Journals {@code record}; seals a block when the journal holds {@code blockSize} records and
   * then tries to ship it.
   *
   * @throws BacklogFullException if the record would seal a block while {@code maxBacklog}
   *     sealed blocks wait for the cloud tier and a sync still fails; the record is not stored
   */
  public synchronized void append(byte[] record) throws IOException {
    if (journal.size() + 1 >= settings.blockSize() && backlog() >= settings.maxBacklog()
        && !trySync(true)) {
      throw new BacklogFullException("chainsplitter ledger " + folder + ": record refused: "
          + backlog() + " sealed blocks wait for cloud tier " + cloud.location()
          + " (max-backlog " + settings.maxBacklog() + "); last sync failure: " + lastSyncFailure
          + "; the record was not stored, append it again once the cloud tier is reachable");
    }
    journal.append(record);
    if (settings.fsync()) {
      journal.force();
    }
    if (oldestPending == null) {
      oldestPending = clock.instant();
    }
    if (journal.size() >= settings.blockSize()) {
      seal();
      trySync(false);
    }
  }

  /** Seals the journal into a block if its oldest record is older than the seal interval. */
  public synchronized void sealIfDue() throws IOException {
    if (oldestPending != null && !settings.sealInterval().isZero()
        && !clock.instant().isBefore(oldestPending.plus(settings.sealInterval()))) {
      seal();
      trySync(false);
    }
  }

  /** Seals the journalled records, if any, into a block; returns the new block's index. */
  public synchronized OptionalLong seal() throws IOException {
    List<byte[]> records = journal.records();
    if (records.isEmpty()) {
      return OptionalLong.empty();
    }
    Block block = Block.seal(nextIndex, clock.instant(), lastHash(), records);
    overlay.write(block);
    Path sealed = journal.file();
    journal.close();
    Files.delete(sealed);
    nextIndex++;
    lastHash = block.hash();
    oldestPending = null;
    journal = PendingJournal.open(journalFile(nextIndex));
    return OptionalLong.of(block.index());
  }

  private byte[] lastHash() throws IOException {
    if (lastHash == null) {
      if (nextIndex == 0) {
        lastHash = Block.GENESIS_PREVIOUS;
      } else if (overlay.indices().contains(nextIndex - 1)) {
        lastHash = Block.decode(overlay.read(nextIndex - 1)).hash();
      } else {
        lastHash = Block.decode(cloud.read(nextIndex - 1).orElseThrow(() -> new IOException(
            "block " + (nextIndex - 1) + " is in neither the overlay " + overlay.file(nextIndex - 1)
                + " nor the cloud tier " + cloud.location()))).hash();
      }
    }
    return lastHash;
  }

  /**
   * Ships every sealed block that the cloud tier lacks, oldest first, and evicts shipped blocks
   * outside the window from the overlay.
   *
   * @return whether the cloud tier now holds every sealed block
   * @throws RejectedBlockException if the cloud tier refuses a block (the chains disagree)
   */
  public synchronized boolean sync() throws IOException {
    if (!trySync(true)) {
      if (rejection != null) {
        throw new RejectedBlockException(rejection.getMessage());
      }
      return false;
    }
    return true;
  }

  private boolean trySync(boolean force) {
    if (!force && clock.instant().isBefore(retryAt)) {
      return false;
    }
    try {
      long head = readCloudHead();
      for (long i : overlay.indices()) {
        if (i > head) {
          cloud.put(Block.decode(overlay.read(i)));
          head = i;
          knownCloudHead = i;
        }
      }
      long newest = nextIndex - 1;
      for (long i : overlay.indices()) {
        if (i <= head && i <= newest - settings.window()) {
          overlay.evict(i);
        }
      }
      retryAt = Instant.MIN;
      if (failing) {
        log.info("chainsplitter ledger {}: the cloud tier {} is back; every sealed block is"
            + " shipped", folder, cloud.location());
      }
      failing = false;
      lastSyncFailure = null;
      rejection = null;
      return true;
    } catch (RejectedBlockException e) {
      lastSyncFailure = e.getMessage();
      rejection = e;
      log.error("{}", e.getMessage());
      return false;
    } catch (IOException e) {
      rejection = null;
      lastSyncFailure = e.getMessage();
      retryAt = clock.instant().plus(settings.syncRetry());
      if (!failing) {
        log.warn("chainsplitter ledger {}: sync deferred, sealed blocks wait in the overlay"
            + " (at most {}): {}", folder, settings.maxBacklog(), e.getMessage());
      } else {
        log.debug("chainsplitter ledger {}: sync deferred, {} blocks wait: {}", folder,
            backlog(), e.getMessage());
      }
      failing = true;
      return false;
    }
  }

  private long readCloudHead() throws IOException {
    try {
      knownCloudHead = cloud.head().map(CloudTier.Head::index).orElse(-1L);
      cloudHeadKnown = true;
      return knownCloudHead;
    } catch (IOException e) {
      lastSyncFailure = e.getMessage();
      throw e;
    }
  }

  /**
   * The sealed blocks that the cloud tier does not hold, as last seen; before the tier was first
   * reached, every block of the overlay, since none is known to be shipped.
   */
  public synchronized long backlog() {
    TreeSet<Long> held = overlay.indices();
    return cloudHeadKnown ? held.tailSet(knownCloudHead, false).size() : held.size();
  }

  /** The records journalled for the next block. */
  public synchronized int pending() {
    return journal.size();
  }

  /** The index the next block will have; equally, how many blocks were sealed. */
  public synchronized long nextIndex() {
    return nextIndex;
  }

  /** The bytes of the blocks in the overlay. */
  public synchronized long overlayBytes() throws IOException {
    return overlay.storedBytes();
  }

  /** The cloud tier. */
  public CloudTier cloud() {
    return cloud;
  }

  /**
   * Every sealed block, oldest first, read from the overlay where it holds them and from the
   * cloud tier otherwise.
   *
   * @throws IOException if a block is unreadable, corrupt, or in neither tier
   */
  public synchronized List<LocatedBlock> blocks() throws IOException {
    List<LocatedBlock> out = new ArrayList<>();
    TreeSet<Long> local = overlay.indices();
    long cloudHead = cloudHeadKnown ? knownCloudHead : -1;
    for (long i = 0; i < nextIndex; i++) {
      if (local.contains(i)) {
        out.add(new LocatedBlock(Block.decode(overlay.read(i)),
            i <= cloudHead ? LocatedBlock.Where.BOTH : LocatedBlock.Where.OVERLAY));
      } else {
        long index = i;
        byte[] bytes = cloud.read(i).orElseThrow(() -> new IOException("block " + index
            + " is in neither the overlay nor the cloud tier " + cloud.location()));
        out.add(new LocatedBlock(Block.decode(bytes), LocatedBlock.Where.CLOUD));
      }
    }
    return out;
  }

  /** Every record: those of the sealed blocks, oldest first, then the journalled ones. */
  public synchronized List<byte[]> records() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (LocatedBlock b : blocks()) {
      out.addAll(b.block().records());
    }
    out.addAll(journal.records());
    return out;
  }

  /**
   * Walks the whole chain across both tiers, from block 0 to the newest, checking every stored
   * copy of every block (a block within the window has two), and names the first block whose
   * bytes, hash, Merkle root or link fails, with the tier and the file or table that holds it.
   */
  public synchronized LedgerReport verify() {
    long cloudHead;
    String cloudProblem = null;
    try {
      cloudHead = readCloudHead();
    } catch (IOException e) {
      cloudHead = -1;
      cloudProblem = e.getMessage();
    }
    return walk(cloud, cloudHead, cloudProblem, overlay, nextIndex - 1, journal.size());
  }

  /** Walks the chain that the cloud tier {@code cloud} holds, as {@link #verify} does. */
  public static LedgerReport verifyCloud(CloudTier cloud) throws IOException {
    long head = cloud.head().map(CloudTier.Head::index).orElse(-1L);
    return walk(cloud, head, null, null, -1, 0);
  }

  /** Every block that the cloud tier {@code cloud} holds, oldest first. */
  public static List<Block> cloudBlocks(CloudTier cloud) throws IOException {
    long head = cloud.head().map(CloudTier.Head::index).orElse(-1L);
    List<Block> out = new ArrayList<>();
    for (long i = 0; i <= head; i++) {
      long index = i;
      out.add(Block.decode(cloud.read(i).orElseThrow(() -> new IOException("cloud tier "
          + cloud.location() + " lacks block " + index + " below its head " + head))));
    }
    return out;
  }

  private static LedgerReport walk(CloudTier cloud, long cloudHead, String cloudProblem,
      LocalOverlay overlay, long newestLocal, int journalled) {
    ChainCheck check = new ChainCheck();
    TreeSet<Long> local = overlay == null ? new TreeSet<>() : overlay.indices();
    long newest = Math.max(newestLocal, cloudHead);
    for (long i = 0; i <= newest; i++) {
      List<Copy> copies = new ArrayList<>();
      try {
        if (i <= cloudHead) {
          Optional<byte[]> bytes = cloud.read(i);
          if (bytes.isPresent()) {
            copies.add(new Copy("cloud tier " + cloud.location(), bytes.get()));
          }
        }
        if (local.contains(i)) {
          copies.add(new Copy("overlay " + overlay.file(i), overlay.read(i)));
        }
      } catch (IOException e) {
        return failed(check, i, "cannot be read: " + e.getMessage());
      }
      if (copies.isEmpty()) {
        return failed(check, i, "is in neither the overlay nor the cloud tier "
            + cloud.location() + (cloudProblem == null ? ""
            : " (the cloud tier is unreachable: " + cloudProblem + ")"));
      }
      ChainCheck.Outcome outcome = check.next(copies.get(0).bytes());
      if (!outcome.passed()) {
        return failed(check, i, "(" + copies.get(0).where() + "): "
            + outcome.problem().orElseThrow());
      }
      for (Copy other : copies.subList(1, copies.size())) {
        Optional<String> problem = check.copy(other.bytes());
        if (problem.isPresent()) {
          return failed(check, i, "(" + other.where() + "): " + problem.get());
        }
      }
    }
    long inCloud = Math.max(0, cloudHead + 1);
    String where = overlay == null ? "" : ", " + local.size() + " in the overlay "
        + overlay.file(0).getParent();
    return new LedgerReport(true, check.blocks(), check.records() + journalled,
        OptionalLong.empty(), check.blocks() + " blocks intact (" + inCloud
            + " in the cloud tier " + cloud.location() + where + "), " + check.records()
            + " records sealed, " + journalled + " journalled for the next block; head "
            + Sha256.hex(check.head()));
  }

  private static LedgerReport failed(ChainCheck check, long index, String why) {
    return new LedgerReport(false, check.blocks(), check.records(), OptionalLong.of(index),
        "block " + index + " " + why);
  }

  private record Copy(String where, byte[] bytes) {}

  /** The file that holds block {@code index} in the overlay, whether or not it is there. */
  public Path overlayFile(long index) {
    return overlay.file(index);
  }

  /** Seals the journal, tries a last sync, and closes the journal and the cloud tier. */
  @Override
  public synchronized void close() throws IOException {
    try {
      seal();
      trySync(true);
      journal.force();
    } finally {
      try {
        journal.close();
      } finally {
        cloud.close();
      }
    }
  }
}
