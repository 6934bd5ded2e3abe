#pragma once
// Checks of a run's trace that must hold for every hall and scenario: used by the tests
// on every run they make.

#include <string>
#include <vector>

#include "hallsim/sim/hall.hpp"

namespace hallsim::sim {

/// Every broken rule found in a traced run (empty when all hold):
/// - arrived = served + balked + reneged + missed call + sent home + still inside, and the
///   trace's leave records agree with those counts;
/// - the trace is in time order, each visitor's first record is their arrival and nothing
///   follows their leaving;
/// - nobody is called before taking their ticket, nor served before arriving;
/// - a counter holds one visitor at a time (from the call to the end of service, or to the
///   end of the wait for an unanswered call), is staffed when it calls (by its hours, unless
///   it has a dynamic rule, and by its counter_open / counter_close records), and serves
///   only queues it may serve;
/// - counter_open and counter_close records alternate, a counter closes only after its
///   visitor, one without a rule opens only where its hours begin, and the records' open
///   spans add up to the run's counter_open;
/// - no two waiting visitors share a seat, nobody stands while a seat is free, and between
///   two moments the seated number is min(ticket holders waiting, seats);
/// - within a queue, tickets are called in the order they were taken within a priority
///   class, and never while a ticket of a higher class waits.
std::vector<std::string> check_trace(const HallModel& model, const HallResult& result,
                                     const RunSettings& settings);

}  // namespace hallsim::sim
