package nl.plektoets.deadlines;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Categories;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

/**
 * The deadlines as an iCalendar feed (RFC 5545, written by biweekly): one all-day event per deadline with a stable
 * UID (kind, subject, id, date), so a calendar updates an event instead of duplicating it.
 */
public final class DeadlineCalendar {
    private DeadlineCalendar() {}

    /** @param fictitious the served data are the demo's: the calendar says so (X-PLEKTOETS-FICTITIOUS) */
    public static String write(List<Deadline> deadlines, String host, boolean fictitious) {
        ICalendar cal = new ICalendar();
        cal.setExperimentalProperty("X-PLEKTOETS-FICTITIOUS", String.valueOf(fictitious));
        cal.setProductId("-//plektoets//regisseur deadlines//EN");
        cal.setName("plektoets deadlines");
        for (Deadline d : deadlines) {
            VEvent e = new VEvent();
            e.setUid(d.kind().id() + "-" + d.subject() + "-" + d.subjectId() + "-" + d.due() + "@" + host);
            e.setSummary((d.immediate() ? "NOW: " : "") + d.title());
            e.setDateStart(date(d.due()), false);
            e.setDateEnd(date(d.due().plusDays(1)), false);
            e.setDescription(d.title() + " (" + d.paragraph()
                    + (d.adopted() ? "" : "; a date the policy does not" + " give: indicative") + ")");
            e.addCategories(new Categories(d.kind().id()));
            cal.addEvent(e);
        }
        return Biweekly.write(cal).go();
    }

    private static Date date(LocalDate d) {
        // biweekly writes a date-only value in the JVM's zone: midnight there is the same calendar day
        return Date.from(d.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
