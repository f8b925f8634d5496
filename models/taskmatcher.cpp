#include "taskmatcher.h"

#include "tasktablemodel.h"

#include <algorithm>

namespace cpn {

void TaskMatcher::setModel(const TaskTableModel* tasks)
{
    m_tasks = tasks;
    forgetVerdicts();
}

bool TaskMatcher::setSite(const QString& siteId)
{
    if (m_siteId == siteId)
        return false;
    m_narrowed = m_siteId.isEmpty();
    m_siteId = siteId;
    forgetVerdicts();
    return true;
}

bool TaskMatcher::setPlatform(const QString& platform)
{
    if (m_platform == platform)
        return false;
    m_narrowed = m_platform.isEmpty();
    m_platform = platform;
    return true;
}

bool TaskMatcher::setText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return false;
    m_narrowed = !m_text.isEmpty() && trimmed.contains(m_text, Qt::CaseInsensitive);
    m_text = trimmed;
    m_folded.resize(trimmed.size());
    std::transform(
        trimmed.cbegin(), trimmed.cend(), m_folded.begin(), [](QChar c) { return QChar(fold(c.unicode())); });
    forgetVerdicts();
    return true;
}

void TaskMatcher::forgetVerdicts()
{
    m_siteVerdicts.clear();
    m_tenantVerdicts.clear();
}

bool TaskMatcher::contains(QStringView text) const
{
    // m_folded in `text`, case-insensitive: a plain scan is the fastest for the short texts of a task.
    const qsizetype m = m_folded.size();
    const char16_t* s = reinterpret_cast<const char16_t*>(text.utf16());
    const char16_t* p = reinterpret_cast<const char16_t*>(m_folded.utf16());
    for (qsizetype i = 0, last = text.size() - m; i <= last; ++i) {
        if (fold(s[i]) != p[0])
            continue;
        qsizetype j = 1;
        while (j < m && fold(s[i + j]) == p[j])
            ++j;
        if (j == m)
            return true;
    }
    return false;
}

signed char TaskMatcher::siteVerdict(int key) const
{
    const std::vector<QString>& ids = m_tasks->siteIds();
    if (std::size_t(key) >= m_siteVerdicts.size())
        m_siteVerdicts.resize(ids.size(), Unjudged);
    signed char& verdict = m_siteVerdicts[std::size_t(key)];
    if (verdict == Unjudged) {
        const QString& id = ids[std::size_t(key)];
        if (!m_siteId.isEmpty() && id != m_siteId)
            verdict = Hidden;
        else if (m_text.isEmpty() || contains(id) || contains(m_tasks->siteLabel(id)))
            verdict = Shown;
        else
            verdict = ByTask;
    }
    return verdict;
}

signed char TaskMatcher::tenantVerdict(int key) const
{
    const std::vector<QString>& tenants = m_tasks->tenants();
    if (std::size_t(key) >= m_tenantVerdicts.size())
        m_tenantVerdicts.resize(tenants.size(), Unjudged);
    signed char& verdict = m_tenantVerdicts[std::size_t(key)];
    if (verdict == Unjudged)
        verdict = contains(tenants[std::size_t(key)]) ? Shown : Hidden;
    return verdict;
}

bool TaskMatcher::accepts(int row) const
{
    if (!isActive())
        return true;
    if (!m_platform.isEmpty() && m_tasks->taskAt(row).platform != m_platform)
        return false;
    if (const signed char site = siteVerdict(m_tasks->siteKeyAt(row)); site != ByTask)
        return site == Shown;
    if (tenantVerdict(m_tasks->tenantKeyAt(row)) == Shown)
        return true;
    const Task& t = m_tasks->taskAt(row);
    return contains(t.id) || contains(t.name);
}

} // namespace cpn
