/**
 * The proposal room of recognition: proposals of a model at a level and year, their status and view, the score
 * sheets on them, the approver's decision, who may propose, score, decide or moderate, the rerouting of pending
 * proposals after a reorganization, a model's ladder of recognitions, and the recognition pages and API. A named
 * interface: other modules use {@code Recognitions} and {@code Decision}.
 */
package vn.dvk.recognition.proposal;
