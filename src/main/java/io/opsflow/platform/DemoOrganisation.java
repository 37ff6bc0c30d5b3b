package io.opsflow.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo company, seeded on the first start of the demo profile (never in prod). */
@Component
@Profile("demo")
@Order(DemoOrganisation.ORDER)
class DemoOrganisation implements ApplicationRunner {

  static final int ORDER = 15;
  static final String EMAIL_DOMAIN = "opsflow.example";

  private record Person(String id, String firstName, String lastName, String manager, List<String> groups) {}

  private record Dept(String id, String name, String lead) {}

  static final List<Dept> DEPARTMENTS = List.of(
      new Dept("sales", "Sales", "sarah"),
      new Dept("finance", "Finance", "fiona"),
      new Dept("warehouse", "Warehouse", "will"),
      new Dept("hr", "Human resources", "helen"),
      new Dept("it", "IT", "irene"),
      new Dept("facilities", "Facilities", "felix"));

  private static final List<Person> PEOPLE = List.of(
      new Person("olivia", "Olivia", "Owner", null, List.of("management")),
      new Person("sarah", "Sarah", "Sales", "olivia", List.of("sales", "management")),
      new Person("sam", "Sam", "Seller", "sarah", List.of("sales")),
      new Person("fiona", "Fiona", "Finance", "olivia", List.of("finance", "management")),
      new Person("fred", "Fred", "Figures", "fiona", List.of("finance")),
      new Person("will", "Will", "Warehouse", "olivia", List.of("warehouse", "management")),
      new Person("wendy", "Wendy", "Picker", "will", List.of("warehouse")),
      new Person("helen", "Helen", "Hiring", "olivia", List.of("hr", "management")),
      new Person("hugo", "Hugo", "Hires", "helen", List.of("hr")),
      new Person("irene", "Irene", "Infra", "olivia", List.of("it", "management")),
      new Person("ian", "Ian", "Installer", "irene", List.of("it")),
      new Person("felix", "Felix", "Facilities", "olivia", List.of("facilities")));

  private final IdentityService identityService;
  private final Organisation organisation;

  DemoOrganisation(IdentityService identityService, Organisation organisation) {
    this.identityService = identityService;
    this.organisation = organisation;
  }

  /** In one transaction: a start killed half-way seeds again next time instead of leaving half a company. */
  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (identityService.createUserQuery().userId("olivia").count() > 0) {
      return;
    }
    createGroup("management", "Management", "SYSTEM");
    DEPARTMENTS.forEach(dept -> createGroup(dept.id(), dept.name(), "WORKGROUP"));
    for (Person person : PEOPLE) {
      User user = identityService.newUser(person.id());
      user.setFirstName(person.firstName());
      user.setLastName(person.lastName());
      user.setEmail(person.id() + "@" + EMAIL_DOMAIN);
      user.setPassword(person.id());
      identityService.saveUser(user);
      person.groups().forEach(group -> identityService.createMembership(person.id(), group));
      if (person.manager() != null) {
        organisation.recordManager(person.id(), person.manager());
      }
    }
    DEPARTMENTS.forEach(dept -> organisation.recordDepartment(dept.id(), dept.lead()));
  }

  private void createGroup(String id, String name, String type) {
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }
}
