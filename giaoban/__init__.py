"""giaoban: báo cáo định kỳ của MTTQ và các tổ chức chính trị - xã hội."""

__version__ = "0.1.0"
