package io.opsflow.platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation as the processes need it: departments and their leads, who reports to whom,
 * and how to reach a person. Users and groups live in the Camunda identity service.
 */
@Service
@Transactional(readOnly = true)
public class Organisation {

  private final IdentityService identityService;
  private final DepartmentRepository departments;
  private final ReportingLineRepository reportingLines;

  Organisation(IdentityService identityService, DepartmentRepository departments,
      ReportingLineRepository reportingLines) {
    this.identityService = identityService;
    this.departments = departments;
    this.reportingLines = reportingLines;
  }

  public boolean isDepartment(String groupId) {
    return groupId != null && departments.existsById(groupId);
  }

  public List<String> departmentIds() {
    return departments.findAll().stream().map(Department::groupId).sorted().toList();
  }

  /** The lead of a department, who gets its escalations. */
  public Optional<String> leadOf(String groupId) {
    return groupId == null ? Optional.empty() : departments.findById(groupId).map(Department::leadUserId);
  }

  public Optional<String> managerOf(String userId) {
    return userId == null ? Optional.empty() : reportingLines.findById(userId).map(ReportingLine::managerId);
  }

  /** The people who report directly to this manager. */
  public List<String> reportsOf(String managerId) {
    return reportingLines.findByManagerIdOrderByUserId(managerId).stream().map(ReportingLine::userId).toList();
  }

  public boolean userExists(String userId) {
    return userId != null && identityService.createUserQuery().userId(userId).count() == 1;
  }

  public Optional<User> user(String userId) {
    return userId == null ? Optional.empty()
        : Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult());
  }

  /** The e-mail addresses of those of the users who have one, by user id, with one query for all. */
  public Map<String, String> emailsOf(Collection<String> userIds) {
    return userIds.isEmpty() ? Map.of()
        : emails(identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list());
  }

  /** The e-mail addresses of the group's members who have one, with one query. */
  public Collection<String> memberEmails(String groupId) {
    return emails(members(groupId)).values();
  }

  public List<String> membersOf(String groupId) {
    return members(groupId).stream().map(User::getId).toList();
  }

  private List<User> members(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, 500);
  }

  private static Map<String, String> emails(List<User> users) {
    Map<String, String> emails = new LinkedHashMap<>();
    users.stream().filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
        .forEach(user -> emails.put(user.getId(), user.getEmail()));
    return emails;
  }

  public boolean isMember(String userId, String groupId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 1;
  }

  @Transactional
  void recordDepartment(String groupId, String leadUserId) {
    departments.save(new Department(groupId, leadUserId));
  }

  @Transactional
  void recordManager(String userId, String managerId) {
    reportingLines.save(new ReportingLine(userId, managerId));
  }
}
