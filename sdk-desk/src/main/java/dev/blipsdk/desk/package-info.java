/**
 * Blip Desk over the HTTP API: {@link dev.blipsdk.desk.DeskClient} is the entry point, with
 * {@link dev.blipsdk.desk.Contacts} ({@code replace} = {@code set}, {@code update} = {@code merge}),
 * {@link dev.blipsdk.desk.Tickets} (a transfer returns a new ticket: {@link dev.blipsdk.desk.TicketTransfer}),
 * {@link dev.blipsdk.desk.AttendanceQueues}, {@link dev.blipsdk.desk.Agents},
 * {@link dev.blipsdk.desk.Monitoring}, {@link dev.blipsdk.desk.DeskActiveMessages} (the active-message
 * flow an agent runs from the Desk app), {@link dev.blipsdk.desk.BusinessHours} with
 * {@link dev.blipsdk.desk.AttendanceHours} and {@link dev.blipsdk.desk.Escalation} (in hours, transfer; out of
 * hours, say when), {@link dev.blipsdk.desk.OutOfHoursContacts} and {@link dev.blipsdk.desk.ReadyReplies}.
 *
 * <p>Every client type here is immutable and thread-safe; every value type is immutable; builders are
 * not thread-safe. Nothing is persisted: the state lives on Blip. {@code toString()} never prints phone
 * numbers, e-mail addresses, names or message text.
 */
@NullMarked
package dev.blipsdk.desk;

import org.jspecify.annotations.NullMarked;
