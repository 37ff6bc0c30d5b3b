package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.platform.WorkingCalendar;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api/hires}: who may do what, and every request that is refused. Today is Monday 2 June 2031. */
@OpsflowSpringTest
class HireApiTest {

  static final String MONDAY = "2031-06-02T10:00";
  static final String NEXT_MONDAY = "2031-06-09";

  @Autowired TestRestTemplate http;
  @Autowired HireRepository hires;
  @Autowired RuntimeService runtimeService;
  @Autowired WorkingCalendar calendar;

  HireApi api;

  @BeforeEach
  void monday() {
    api = new HireApi(http);
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(MONDAY).atZone(calendar.zone()).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        bad("missing name", hire -> hire.remove("name"), "name: must not be blank"),
        bad("blank name", hire -> hire.put("name", "  "), "name: must not be blank"),
        bad("missing e-mail", hire -> hire.remove("email"), "email: must not be blank"),
        bad("invalid e-mail", hire -> hire.put("email", "ann.example"), "email: must be a well-formed email address"),
        bad("missing role", hire -> hire.remove("role"), "role: must not be blank"),
        bad("unknown department", hire -> hire.put("department", "marketing"),
            "department: 'marketing' is no department; known are facilities, finance, hr, it, sales, warehouse"),
        bad("unknown manager", hire -> hire.put("managerId", "nobody"), "managerId: 'nobody' is no user"),
        bad("missing start date", hire -> hire.remove("startDate"), "startDate: must not be blank"),
        bad("start date no date", hire -> hire.put("startDate", "next monday"),
            "startDate: 'next monday' is not a date such as 2031-06-09"),
        bad("start date in the past", hire -> hire.put("startDate", "2031-05-30"), "startDate: 2031-05-30 is in the past"),
        bad("start date today", hire -> hire.put("startDate", "2031-06-02"),
            "startDate: 2031-06-02 leaves less than 3 working days to prepare; the earliest start is 2031-06-05"),
        bad("start date two working days ahead", hire -> hire.put("startDate", "2031-06-04"),
            "startDate: 2031-06-04 leaves less than 3 working days to prepare; the earliest start is 2031-06-05"),
        bad("start date on a Saturday", hire -> hire.put("startDate", "2031-06-07"),
            "startDate: 2031-06-07 is not a working day"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void refusesABadHireNamingTheFieldAndStoresNothing(Consumer<Map<String, Object>> spoil, String message) {
    Map<String, Object> hire = HireApi.newHire("Bad Request", NEXT_MONDAY);
    spoil.accept(hire);
    long hiresBefore = hires.count();
    long onboardingsBefore = onboardings();

    ResponseEntity<Map<String, Object>> response = api.create("helen", hire);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("status", 400).containsEntry("detail", message);
    assertThat(hires.count()).isEqualTo(hiresBefore);
    assertThat(onboardings()).isEqualTo(onboardingsBefore);
  }

  @Test
  void refusesABodyThatIsNoJson() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> response = http.withBasicAuth("helen", "helen")
        .postForEntity("/api/hires", new HttpEntity<>("{\"name\": ", headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  /** A retried request, or HR recording the same person twice: one hire, one onboarding. */
  @Test
  void theSamePersonStartingTheSameDayIsRecordedOnce() {
    Map<String, Object> hire = HireApi.newHire("Twice Recorded", NEXT_MONDAY);
    long first = api.record(hire);
    long onboardings = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

    Map<String, Object> again = new HashMap<>(hire);
    again.put("email", ((String) hire.get("email")).toUpperCase(Locale.ROOT));
    ResponseEntity<Map<String, Object>> second = api.create("hugo", again);

    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) second.getBody().get("detail")).startsWith("hire " + first + " of ")
        .contains("starting " + NEXT_MONDAY + " is already recorded (PREPARING)");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(onboardings);
    assertThat(api.withdraw("hugo", first).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.create("hugo", again).getStatusCode()).as("after the withdrawal").isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void salesStaffMayNotRecordAHireValidOrNot() {
    long hiresBefore = hires.count();

    ResponseEntity<Map<String, Object>> valid = api.create("sam", HireApi.newHire("Not Allowed", NEXT_MONDAY));
    ResponseEntity<Map<String, Object>> invalid = api.create("sam", Map.of("name", ""));

    assertThat(valid.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(valid.getBody()).containsEntry("detail", "only HR may record hires");
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(hires.count()).isEqualTo(hiresBefore);
  }

  @Test
  void hrRecordsAHireThreeWorkingDaysAheadAndItsOnboardingStarts() {
    ResponseEntity<Map<String, Object>> response = api.create("hugo", HireApi.newHire("Early Enough", "2031-06-05"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) response.getBody().get("id")).longValue();
    assertThat(response.getHeaders().getLocation()).hasToString("/api/hires/" + id);
    assertThat(response.getBody()).containsEntry("status", "PREPARING").containsKey("processInstanceId");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId((String) response.getBody().get("processInstanceId"))
        .processInstanceBusinessKey(String.valueOf(id)).processDefinitionKey(PROCESS_KEY).count()).isOne();
    assertThat(api.get("hugo", id).getBody()).containsEntry("name", "Early Enough").containsEntry("recordedBy", "hugo");
  }

  @Test
  void hrManagementAndTheManagerSeeAHireOthersDoNot() {
    long id = api.record(HireApi.newHire("Seen By Few", NEXT_MONDAY));

    assertThat(api.get("helen", id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("olivia", id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("sarah", id).getBody()).containsEntry("managerId", "sarah").containsEntry("status", "PREPARING");
    assertThat(api.get("sam", id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("sam", Long.MAX_VALUE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(ids(api.list("olivia").getBody())).contains(id);
    assertThat(ids(api.list("sarah").getBody())).contains(id);
    assertThat(ids(api.list("sam").getBody())).doesNotContain(id);
  }

  @Test
  void onlyHrAndAdministratorsWithdrawAHire() {
    long id = api.record(HireApi.newHire("Withdrawn By Admin", NEXT_MONDAY));

    assertThat(api.withdraw("sam", id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.withdraw("sarah", id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.withdraw("helen", Long.MAX_VALUE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> withdrawn = api.withdraw("admin", id);

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN");
  }

  private long onboardings() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  private static List<Long> ids(List<Map<String, Object>> hires) {
    return hires.stream().map(hire -> ((Number) hire.get("id")).longValue()).toList();
  }

  private static Arguments bad(String name, Consumer<Map<String, Object>> spoil, String message) {
    return Arguments.of(Named.of(name, spoil), message);
  }
}
