#pragma once
// A Watch stream of the API read on a thread of its own, every event kept, for tests that look at
// what a server published and in which order.

#include "cpn/v1/state.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

// Every event of one Watch stream, collected on a thread of its own.
class WatchRecorder {
public:
    WatchRecorder(const std::shared_ptr<grpc::Channel>& channel, std::uint64_t from)
        : m_stub(cpn::v1::StateService::NewStub(channel))
    {
        cpn::v1::WatchRequest request;
        request.set_from_revision(from);
        m_reader = m_stub->Watch(&m_context, request);
        m_thread = std::thread([this] {
            cpn::v1::WatchEvent event;
            while (m_reader->Read(&event)) {
                std::lock_guard lock(m_mutex);
                m_events.push_back(event);
            }
        });
    }
    ~WatchRecorder()
    {
        m_context.TryCancel();
        m_thread.join();
    }
    std::vector<cpn::v1::WatchEvent> events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    // The states a migration went through, in order, without repeats.
    std::vector<cpn::v1::MigrationState> statesOf(const std::string& migrationId) const
    {
        std::vector<cpn::v1::MigrationState> states;
        for (const auto& e : events())
            if (e.has_migration() && e.migration().id() == migrationId
                && (states.empty() || states.back() != e.migration().state()))
                states.push_back(e.migration().state());
        return states;
    }

private:
    std::unique_ptr<cpn::v1::StateService::Stub> m_stub;
    grpc::ClientContext m_context;
    std::unique_ptr<grpc::ClientReader<cpn::v1::WatchEvent>> m_reader;
    mutable std::mutex m_mutex;
    std::vector<cpn::v1::WatchEvent> m_events;
    std::thread m_thread;
};
