package io.opsflow.insight;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/**
 * Tables as CSV (RFC 4180, UTF-8): one row per record, one column per record component, so the
 * CSV always has the same columns as the JSON. Text that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe.
 */
@NamedInterface("reports")
public final class Csv {

  /** What a spreadsheet may read as the start of a formula (OWASP's list, with tab and carriage return). */
  private static final String FORMULA_STARTS = "=+-@\t\r";
  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private Csv() {}

  /** On an endpoint that answers with {@link #download}: its answer in the API description. */
  @NamedInterface("reports")
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "200", description = "A CSV file (RFC 4180, UTF-8) with a header row",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject("name,count\r\nOrder fulfillment,12\r\n")))
  public @interface Described {}

  public static <T extends Record> ResponseEntity<String> download(String fileName, Class<T> type, List<T> rows) {
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .body(write(type, rows));
  }

  static <T extends Record> String write(Class<T> type, List<T> rows) {
    RecordComponent[] columns = type.getRecordComponents();
    StringBuilder csv = new StringBuilder();
    csv.append(Arrays.stream(columns).map(RecordComponent::getName).collect(Collectors.joining(","))).append("\r\n");
    for (T row : rows) {
      csv.append(Arrays.stream(columns).map(c -> cell(value(c, row))).collect(Collectors.joining(","))).append("\r\n");
    }
    return csv.toString();
  }

  private static Object value(RecordComponent column, Record row) {
    try {
      return column.getAccessor().invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + column.getName(), e);
    }
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof String && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      text = "'" + text; // no formulas from user input in a spreadsheet
    }
    boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
