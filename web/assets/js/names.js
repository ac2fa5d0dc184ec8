// Chinese names for the API's codes (the API sends statusName/typeName where it can; these cover lists,
// filters and charts).

export const TYPE_NAMES = {
  complaint: '投诉举报',
  help: '求助',
  enquiry: '咨询',
  suggestion: '意见建议',
  dispute: '矛盾纠纷调解申请',
  petition: '信访',
  'info-request': '政府信息公开申请',
};

export const STATUS_NAMES = {
  submitted: '已提交，待受理',
  accepted: '已受理',
  rejected: '不予受理',
  assigned: '已派单，办理中',
  replied: '已答复',
  resolved: '已办结',
  closed: '已回访归档',
  mediating: '调解中',
  registered: '已登记',
  forwarded: '已转送交办',
  'in-progress': '办理中',
  'under-review': '复查（复核）中',
  'awaiting-correction': '待申请人补正',
  'consulting-third-party': '征求第三方意见中',
  answered: '已答复',
  withdrawn: '已撤回',
  merged: '已合并办理',
};

export const FINISHED = new Set(['rejected', 'resolved', 'closed', 'answered', 'withdrawn', 'merged']);

export const APPLICANT_KINDS = {
  'natural-person': '自然人',
  'commercial-enterprise': '商业企业',
  'research-institution': '科研机构',
  'public-interest-org': '社会公益组织',
  'legal-service-org': '法律服务机构',
  'other-org': '其他组织',
};

export const ID_TYPES = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-macao-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'foreign-permanent-resident': '外国人永久居留身份证',
  other: '其他有效证件',
};

export const OGI_OUTCOMES = {
  disclosed: '予以公开',
  'partially-disclosed': '部分公开',
  'withheld:state-secret': '不予公开：属于国家秘密',
  'withheld:prohibited-by-law': '不予公开：其他法律行政法规禁止公开',
  'withheld:security-stability': '不予公开：危及“三安全一稳定”',
  'withheld:third-party-rights': '不予公开：保护第三方合法权益',
  'withheld:internal-affairs': '不予公开：属于三类内部事务信息',
  'withheld:process-information': '不予公开：属于四类过程性信息',
  'withheld:enforcement-files': '不予公开：属于行政执法案卷',
  'withheld:administrative-query': '不予公开：属于行政查询事项',
  'unavailable:not-held': '无法提供：本机关不掌握相关政府信息',
  'unavailable:needs-creation': '无法提供：没有现成信息需要另行制作',
  'unavailable:unclear-after-correction': '无法提供：补正后申请内容仍不明确',
  'not-processed:petition-complaint': '不予处理：信访举报投诉类申请',
  'not-processed:duplicate': '不予处理：重复申请',
  'not-processed:publication': '不予处理：要求提供公开出版物',
  'not-processed:excessive': '不予处理：无正当理由大量反复申请',
  'not-processed:confirmation': '不予处理：要求行政机关确认或重新出具已获取信息',
  'other:no-correction': '其他处理：申请人逾期不补正',
  'other:fee-unpaid': '其他处理：申请人逾期未缴纳费用',
  'other:other': '其他处理：其他',
};

export const CHANNELS = {
  online: '网上提交',
  post: '邮寄',
  'in-person': '当面提交',
  phone: '电话',
  'hotline-12345': '12345 热线',
};

export const ROLE_NAMES = {
  'town-admin': '镇管理员',
  'village-staff': '村（社区）工作人员',
  auditor: '审计查阅',
};

export function typeName(code) {
  return TYPE_NAMES[code] || code || '—';
}

export function statusName(code) {
  return STATUS_NAMES[code] || code || '—';
}
