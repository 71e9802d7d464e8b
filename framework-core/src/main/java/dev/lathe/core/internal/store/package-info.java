/**
 * The kernel's own result stores: {@code local} (an append-only {@code trials.jsonl} that
 * survives a kill at any moment) and {@code memory}, and the canonical JSON encoding of
 * trial records.
 */
package dev.lathe.core.internal.store;
