"""A literate PyTorch digit recogniser for Kaggle's Digit Recognizer, exported from its notebooks.

The names a user calls first are offered here. Each is imported from its chapter's module when first used, so
that `import mnist_nb` stays instant and the console scripts, which start in `mnist_nb.plumbing`, are in charge
of Ctrl-C before PyTorch loads. (The one module written by hand: nbdev exports every other from `nbs/`.)"""
__version__ = "0.1.0"

_API = dict(  # name: the module (chapter) that defines it
    train_and_submit='ensembles', find_data='preparation', read_digits='preparation', prepare_data='preparation',
    get_recipe='training', fit='training', save_model='checkpoints', load_model='checkpoints', predict='prediction',
    write_submission='prediction', predict_csv='prediction', evaluate_checkpoint='prediction',
    predict_pictures='digits', TTA_VIEWS='views')
__all__ = list(_API)

def __getattr__(name:str):
    "Import `name` from the module that defines it, on first use."
    if name not in _API: raise AttributeError(f"module 'mnist_nb' has no attribute {name!r}")
    from importlib import import_module
    value = globals()[name] = getattr(import_module(f'mnist_nb.{_API[name]}'), name)
    return value

def __dir__(): return sorted([*globals(), *_API])
