package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One document of a corpus: its name and its lines, each a list of tokens. Lines are the units
 * after which an end-of-line token is encoded: paragraphs of plain text, sentences of the Brown
 * corpus.
 *
 * @param name the document's name, unique in its corpus, e.g. the file name without extension
 * @param lines the tokens of each line; no line is empty
 */
@API(status = STABLE, since = "0.1")
public record Document(String name, List<List<String>> lines) {

  /** A document; the lists are copied, and a blank name or an empty line is refused. */
  public Document {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a document needs a name");
    }
    lines = lines.stream().map(List::copyOf).toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        throw new IllegalArgumentException("document '" + name + "': line " + i + " is empty");
      }
    }
  }

  /** The number of tokens, without end-of-line markers. */
  public long tokenCount() {
    return lines.stream().mapToLong(List::size).sum();
  }
}
