/**
 * Daily wall-clock windows: the one grammar ({@code HH:mm-HH:mm}, crossing midnight, daylight saving) behind the
 * off-peak queue's window and the peak hours, and the peak hours on the engine's clock.
 */
package dev.genairesilience.schedule;
