package dev.frontline.examples.web;

import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.ticket.Priority;
import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Service levels: the support desk's business hours, one SLA policy on them and one escalation
 * rule. The starter hands every {@link SlaPolicy} and {@link EscalationRule} bean to the helpdesk
 * (several policies: order them with {@code @Order}, the first that matches a ticket applies) and
 * runs the escalation sweep every minute ({@code frontline.escalation.interval}).
 */
@Configuration(proxyBeanMethods = false)
public class SlaConfiguration {

  /**
   * @return weekdays 08:00-17:00 in Copenhagen, closed on Christmas
   */
  @Bean
  public BusinessCalendar businessHours() {
    return BusinessCalendar.builder(ZoneId.of("Europe/Copenhagen"))
        .weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0))
        .yearlyHoliday(MonthDay.of(12, 24)).yearlyHoliday(MonthDay.of(12, 25)).yearlyHoliday(MonthDay.of(12, 26))
        .build();
  }

  /**
   * Every ticket: a first reply within 4 business hours, each further customer message answered
   * within 4 business hours, solved within 3 business days. The console shows the next deadline.
   *
   * @param hours the business hours
   * @return the policy
   */
  @Bean
  public SlaPolicy standardSla(BusinessCalendar hours) {
    return SlaPolicy.builder("standard")
        .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), hours)
        .target(SlaMetric.NEXT_RESPONSE, Duration.ofHours(4), hours)
        .target(SlaMetric.RESOLUTION, Duration.ofHours(27), hours)
        .build();
  }

  /**
   * A ticket whose first reply is overdue goes to second line with a higher priority, and second
   * line is told.
   *
   * @return the rule
   */
  @Bean
  public EscalationRule firstResponseBreach() {
    return EscalationRule.builder("first-response-breach")
        .when(EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE))
        .then(EscalationAction.moveToTier(2, null),
            EscalationAction.raisePriority(Priority.HIGH),
            EscalationAction.notification("team:second-line", "first response overdue; moved to second line"))
        .build();
  }
}
