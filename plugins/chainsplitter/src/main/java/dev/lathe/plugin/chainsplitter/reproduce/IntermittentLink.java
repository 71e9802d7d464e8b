package dev.lathe.plugin.chainsplitter.reproduce;

import dev.lathe.plugin.chainsplitter.chain.Block;
import dev.lathe.plugin.chainsplitter.tier.CloudTier;
import java.io.IOException;
import java.util.Optional;

/**
 * A simulated uplink between an IIoT network and its cloud tier: while the simulation holds it
 * down, every call fails as an unreachable server's would; while up, calls go to the real tier.
 */
final class IntermittentLink implements CloudTier {

  private final CloudTier tier;
  private boolean down;

  IntermittentLink(CloudTier tier) {
    this.tier = tier;
  }

  /** Takes the link down or brings it back. */
  void setDown(boolean down) {
    this.down = down;
  }

  private void check() throws IOException {
    if (down) {
      throw new IOException("uplink to " + tier.location() + " is down (simulated outage)");
    }
  }

  @Override
  public String location() {
    return tier.location();
  }

  @Override
  public Optional<Head> head() throws IOException {
    check();
    return tier.head();
  }

  @Override
  public void put(Block block) throws IOException {
    check();
    tier.put(block);
  }

  @Override
  public Optional<byte[]> read(long index) throws IOException {
    check();
    return tier.read(index);
  }

  @Override
  public long storedBytes() throws IOException {
    check();
    return tier.storedBytes();
  }

  @Override
  public void close() throws IOException {
    tier.close();
  }
}
