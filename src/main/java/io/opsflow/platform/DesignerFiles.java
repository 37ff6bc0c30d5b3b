package io.opsflow.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Reads the deployable files ({@code .bpmn}, {@code .dmn}, {@code .form}) of the designers' folders. */
@Component
class DesignerFiles {

  private static final Set<String> DEPLOYABLE = Set.of(".bpmn", ".dmn", ".form");

  private final DeploymentProperties properties;

  DesignerFiles(DeploymentProperties properties) {
    this.properties = properties;
  }

  /** File name to content, sorted by name. File names must be unique across both folders. */
  Map<String, byte[]> read() {
    Map<String, byte[]> files = new TreeMap<>();
    readFolder(properties.processesDir(), "opsflow/processes", files);
    readFolder(properties.formsDir(), "opsflow/forms", files);
    return files;
  }

  private static void readFolder(String dir, String packagedCopy, Map<String, byte[]> into) {
    Path folder = Path.of(dir);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        paths.filter(Files::isRegularFile).filter(p -> isDeployable(p.getFileName().toString()))
            .forEach(p -> put(into, p.getFileName().toString(), readBytes(p)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read folder " + folder.toAbsolutePath(), e);
      }
      return;
    }
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver()
          .getResources("classpath*:" + packagedCopy + "/**/*")) {
        String name = resource.getFilename();
        if (resource.isReadable() && name != null && isDeployable(name)) {
          put(into, name, resource.getContentAsByteArray());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read packaged " + packagedCopy, e);
    }
  }

  private static void put(Map<String, byte[]> into, String name, byte[] content) {
    if (into.put(name, content) != null) {
      throw new IllegalStateException("Two files are named " + name + ": deployment names must be unique");
    }
  }

  private static boolean isDeployable(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 && DEPLOYABLE.contains(fileName.substring(dot));
  }

  private static byte[] readBytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path.toAbsolutePath(), e);
    }
  }
}
