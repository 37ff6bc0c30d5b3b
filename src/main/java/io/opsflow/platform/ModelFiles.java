package io.opsflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Reads designers' files safely: XML is checked with a parser that never resolves a DTD or an
 * entity before any model parser sees it, so XXE and entity expansion are refused unread.
 */
public final class ModelFiles {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final XMLInputFactory STAX = secureStax();

  private ModelFiles() {}

  public static boolean isXml(String resource) {
    return resource.endsWith(".bpmn") || resource.endsWith(".bpmn20.xml") || resource.endsWith(".dmn");
  }

  public static boolean isBpmn(String resource) {
    return resource.endsWith(".bpmn") || resource.endsWith(".bpmn20.xml");
  }

  public static boolean isForm(String resource) {
    return resource.endsWith(".form");
  }

  /** A problem if the XML is malformed or declares a DOCTYPE; empty if it is plain, well-formed XML. */
  public static Optional<ModelProblem> checkXml(String resource, byte[] xml) {
    XMLStreamReader reader = null;
    try {
      reader = STAX.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.DTD) {
          return Optional.of(new ModelProblem(resource, null,
              "a DOCTYPE is not allowed (DTDs and entities are refused)",
              reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber()));
        }
      }
      return Optional.empty();
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
      return Optional.of(new ModelProblem(resource, null, "malformed XML: " + firstLine(e.getMessage()), line, column));
    } finally {
      closeQuietly(reader);
    }
  }

  /** Reads a BPMN model; call {@link #checkXml} first. */
  public static BpmnModelInstance readBpmn(byte[] xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
  }

  /** The {@code id} of a Camunda Form, or empty if the file is no JSON object with an id. */
  public static Optional<String> formId(byte[] json) {
    try {
      JsonNode id = JSON.readTree(json).path("id");
      return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The form ids a model refers to with a constant {@code camunda:formRef}. */
  public static Set<String> formRefs(BpmnModelInstance model) {
    return Stream.concat(
            model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
            model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
        .filter(ref -> ref != null && !isExpression(ref))
        .collect(Collectors.toSet());
  }

  public static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int newline = text.lastIndexOf('\n');
    return newline < 0 ? text : text.substring(newline + 1);
  }

  private static XMLInputFactory secureStax() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return factory;
  }

  private static void closeQuietly(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing was read that needs releasing
      }
    }
  }
}
