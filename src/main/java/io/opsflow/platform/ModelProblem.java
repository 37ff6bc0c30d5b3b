package io.opsflow.platform;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** One reason a model cannot be deployed, naming the element it is about. */
public record ModelProblem(String resource, String elementId, String message, int line, int column)
    implements Problem {

  public static ModelProblem of(String resource, String elementId, String message) {
    return new ModelProblem(resource, elementId, message, -1, -1);
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public String getMainElementId() {
    return elementId;
  }

  @Override
  public List<String> getElementIds() {
    return elementId == null ? List.of() : List.of(elementId);
  }

  @Override
  public String toString() {
    String where = elementId != null ? "element '" + elementId + "'"
        : line > 0 ? "line " + line + ", column " + column : "the file";
    return resource + ": " + where + ": " + message;
  }
}
