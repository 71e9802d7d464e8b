package dev.lathe.core.internal.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Downloads a URL the user gave into a file, following redirects. */
final class Downloads {

  private Downloads() {}

  /** The last segment of the path of {@code uri}, or {@code download} if it has none. */
  static String fileName(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() ? "download" : name;
  }

  /**
   * Downloads {@code uri} into {@code folder}, under {@link #fileName}.
   *
   * @throws IOException naming the URL if the server does not answer 200 or the transfer fails
   */
  static Path download(URI uri, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(fileName(uri));
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30)).build();
    HttpResponse<Path> response;
    try {
      response = client.send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofFile(file));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(uri + ": download interrupted", e);
    } catch (IOException e) {
      throw new IOException(uri + ": download failed: " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(uri + ": the server answered HTTP " + response.statusCode());
    }
    return file;
  }
}
